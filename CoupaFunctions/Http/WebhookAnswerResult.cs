using System.Text;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace CoupaFunctions.Http;

/// <summary>A handler's <see cref="WebhookAnswer"/> as an HTTP response: status, JSON body and, for 202, the Location Rossum polls.</summary>
public sealed class WebhookAnswerResult(WebhookAnswer answer) : IActionResult
{
    public WebhookAnswer Answer => answer;

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        response.StatusCode = answer.StatusCode;
        if (answer.Location is { } location) response.Headers[HeaderNames.Location] = location;
        // Status answers change while a run goes on; nothing between Rossum and us may cache them.
        response.Headers[HeaderNames.CacheControl] = "no-store";
        if (answer.Body is null) return;
        response.ContentType = "application/json; charset=utf-8";
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.Body.ToJsonString()), context.HttpContext.RequestAborted);
    }
}
