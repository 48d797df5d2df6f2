using CoupaIntegration.Rossum.Webhooks;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;

namespace CoupaFunctions.Http;

/// <summary>The HTTP edge of the webhooks: request → <see cref="WebhookCall"/>, and the polling link the handler hands out.</summary>
public static class WebhookHttp
{
    public const string StatusRoute = "import/runs/{runId}";

    public static async Task<WebhookCall> ReadCallAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The raw bytes, not a re-serialised body: the signature covers exactly what Rossum sent.
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        return new WebhookCall(body.ToArray(), request.Headers[WebhookSignature.HeaderName].FirstOrDefault());
    }

    /// <summary>Builds <c>{root}/api/import/runs/{runId}?token={token}</c>, absolute, as Rossum needs in Location.</summary>
    public static Func<string, string, string> StatusUrl(HttpRequest request, Uri? publicBaseUrl)
    {
        // An empty app setting binds to an empty relative Uri: that means "unset", as leaving it out does.
        var root = publicBaseUrl is { IsAbsoluteUri: true } configured
            ? configured.GetLeftPart(UriPartial.Path).TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return (runId, token) => $"{root}/api/{StatusRoute.Replace("{runId}", Uri.EscapeDataString(runId))}?token={Uri.EscapeDataString(token)}";
    }
}
