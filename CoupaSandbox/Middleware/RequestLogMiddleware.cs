using CoupaSandbox.Api;
using CoupaSandbox.Hosting;
using CoupaSandbox.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CoupaSandbox.Middleware;

/// <summary>Outermost middleware: records every request (never headers or bodies, which carry secrets and tokens) and
/// turns exceptions into Coupa-style JSON errors.</summary>
internal sealed class RequestLogMiddleware(RequestDelegate next, SandboxContext sandbox, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        long arrival = sandbox.Stats.NextArrival();
        var at = DateTimeOffset.UtcNow;
        bool isApi = context.Request.Path.StartsWithSegments("/api");
        sandbox.Stats.CountRequest(isApi);
        var query = context.Request.Query.ToDictionary(p => p.Key, p => Redact(p.Key, p.Value.ToString()), StringComparer.Ordinal);
        try
        {
            await next(context);
        }
        catch (QueryException e) when (!context.Response.HasStarted)
        {
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, e.Message);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            context.Items[FaultMiddleware.DroppedKey] = true; // the client went away; nothing left to answer
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            logger.LogError(e, "Sandbox failed on {Method} {Path}", context.Request.Method, context.Request.Path);
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error");
        }
        finally
        {
            int status = context.Items.ContainsKey(FaultMiddleware.DroppedKey) ? 0 : context.Response.StatusCode;
            sandbox.Log.Add(arrival, new SandboxRequest(at, context.Request.Method, context.Request.Path.Value ?? "", query, status));
        }
    }

    /// <summary>The one exception to "exactly as received": a client that puts its secret or token in the URL must not
    /// find it in the log.</summary>
    private static string Redact(string key, string value) =>
        key.Contains("secret", StringComparison.OrdinalIgnoreCase) || key.Contains("token", StringComparison.OrdinalIgnoreCase) ? "[redacted]" : value;
}
