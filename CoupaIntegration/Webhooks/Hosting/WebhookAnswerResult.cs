using Microsoft.AspNetCore.Http;

namespace CoupaIntegration.Webhooks.Hosting;

/// <summary>A <see cref="WebhookAnswer"/> on the wire: its status, its JSON body, and the polling URL as Location.</summary>
public sealed class WebhookAnswerResult(WebhookAnswer answer) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = answer.StatusCode;
        if (answer.Location is { } location) response.Headers.Location = location;
        // Status answers change while a run goes on: no proxy or client may serve a stale one.
        response.Headers.CacheControl = "no-store";
        if (answer.Body is null) return;
        response.ContentType = "application/json; charset=utf-8";
        await response.WriteAsync(answer.Body.ToJsonString(), httpContext.RequestAborted);
    }
}
