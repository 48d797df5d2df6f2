using CoupaFunctions.Http;
using CoupaIntegration.Common;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace CoupaFunctions.Middleware;

/// <summary>
/// The one place an escaped exception becomes an HTTP answer: JSON <c>{"error", "messages"}</c> that Rossum shows in
/// its extension logs, without stack trace or internals; the details go to the app's logs under the invocation id.
/// Non-HTTP invocations (timer, orchestrator, activity) rethrow: Durable retries depend on activities failing.
/// </summary>
public sealed class ExceptionHandlingMiddleware(ILogger<ExceptionHandlingMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            logger.LogError(e, "Function {Function} failed (invocation {InvocationId})", context.FunctionDefinition.Name, context.InvocationId);
            await WriteAsync(http, e, context.InvocationId);
        }
    }

    /// <summary>Only <see cref="IntegrationException"/> messages are shown: they are written for people and never hold a secret.</summary>
    public static Task WriteAsync(HttpContext http, Exception exception, string invocationId)
    {
        var answer = exception is IntegrationException known
            ? WebhookAnswer.Problem(known.Kind is FailureKind.Transient ? 503 : 500, known.Message)
            : WebhookAnswer.Problem(500, $"Unexpected error ({exception.GetType().Name}); see the app's logs for invocation {invocationId}.");
        return new WebhookAnswerResult(answer).ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));
    }
}
