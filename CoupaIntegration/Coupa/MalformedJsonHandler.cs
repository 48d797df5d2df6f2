using System.Net;
using System.Text.Json;

namespace CoupaIntegration.Coupa;

/// <summary>
/// A 200 whose JSON body is cut off (a proxy hiccup) would otherwise fail deserialisation after the retry
/// pipeline has already let it through. Inside the pipeline it becomes a 502, which the retry strategy retries.
/// Coupa pages are small (≤ 50 records), so buffering one to check it costs little.
/// </summary>
public sealed class MalformedJsonHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType?.Contains("json") != true)
            return response;

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (IsWellFormed(bytes))
            return response;

        response.Dispose();
        return new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            RequestMessage = request,
            ReasonPhrase = "Coupa returned malformed JSON",
            Content = new StringContent("{\"errors\":{\"request\":[\"Coupa returned malformed JSON\"]}}"),
        };
    }

    private static bool IsWellFormed(byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes);
        try
        {
            while (reader.Read()) { }
            return reader.BytesConsumed == bytes.Length || bytes.AsSpan((int)reader.BytesConsumed).Trim(" \r\n\t"u8).IsEmpty;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
