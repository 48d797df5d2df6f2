using System.Net.Http.Headers;
using CoupaIntegration.Common;

namespace CoupaIntegration.Exports;

/// <summary>
/// Downloads an annotation's original file (<c>document.content</c>) with the payload's token. The token is only
/// ever sent to the payload's own Rossum host: a content URL elsewhere is refused.
/// </summary>
public sealed class RossumDocumentClient(IHttpClientFactory httpClients)
{
    public const string HttpClientName = "Rossum.Documents";

    public async Task<byte[]> DownloadAsync(Uri contentUrl, Uri rossumBaseUrl, Secret token, CancellationToken cancellationToken)
    {
        if (!string.Equals(contentUrl.Authority, rossumBaseUrl.Authority, StringComparison.OrdinalIgnoreCase))
            throw new IntegrationException(FailureKind.Configuration,
                $"The document content URL is on {contentUrl.Host}, not on the Rossum environment {rossumBaseUrl.Host}: the token is not sent there.");
        using var request = new HttpRequestMessage(HttpMethod.Get, contentUrl);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new IntegrationException((int)response.StatusCode >= 500 ? FailureKind.Transient : FailureKind.Configuration,
                $"Rossum answered {(int)response.StatusCode} for the original document {contentUrl.AbsolutePath}" +
                ((int)response.StatusCode is 401 or 403 ? ": the hook's token owner cannot read the document." : "."));
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }
}
