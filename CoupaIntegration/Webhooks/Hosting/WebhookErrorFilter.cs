using CoupaIntegration.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Webhooks.Hosting;

/// <summary>
/// The one place where an exception escaping a webhook endpoint becomes an answer: a JSON error Rossum can show,
/// with a status that tells it whether to retry, and never a stack trace (that goes to the log only).
/// </summary>
public sealed class WebhookErrorFilter(ILogger<WebhookErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        try
        {
            return await next(context);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return Results.Empty; // the caller hung up; nobody reads the answer
        }
        catch (BadHttpRequestException e)
        {
            // Kestrel's own refusals (body too large, truncated body): the caller's request, not our failure.
            logger.LogWarning("Refused a malformed request to {Path}: {Reason}", http.Request.Path.Value, e.Message);
            return new WebhookAnswerResult(WebhookAnswer.Problem(e.StatusCode, "The request could not be read: " + e.Message));
        }
        catch (IntegrationException e)
        {
            logger.LogWarning("Request to {Path} failed ({FailureKind}): {Reason}", http.Request.Path.Value, e.Kind, e.Message);
            var status = e.Kind switch
            {
                FailureKind.BadRequest => StatusCodes.Status400BadRequest,
                FailureKind.Configuration => StatusCodes.Status422UnprocessableEntity,
                FailureKind.Transient => StatusCodes.Status503ServiceUnavailable,
                _ => StatusCodes.Status500InternalServerError,
            };
            return new WebhookAnswerResult(WebhookAnswer.Problem(status, e.Message));
        }
        catch (Exception e)
        {
            logger.LogError(e, "Unexpected failure serving {Method} {Path}", http.Request.Method, http.Request.Path.Value);
            return new WebhookAnswerResult(WebhookAnswer.Problem(StatusCodes.Status500InternalServerError,
                $"Unexpected error ({e.GetType().Name}); see the app's logs (trace {http.TraceIdentifier})."));
        }
    }
}
