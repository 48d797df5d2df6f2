using CoupaSandbox.Api;
using CoupaSandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Middleware;

/// <summary>Latency and failures for /api requests (after auth and rate limiting, so injected failures never hide those
/// answers). Deterministic failures (FailNextRequests) come first, then the seeded random ones.</summary>
internal sealed class FaultMiddleware(RequestDelegate next, SandboxContext sandbox)
{
    public const string DroppedKey = "sandbox.dropped";

    private const string ServiceUnavailableHtml =
        "<html><head><title>503 Service Temporarily Unavailable</title></head><body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>";

    public async Task InvokeAsync(HttpContext context)
    {
        var faults = sandbox.Options.Faults;
        if (faults.LatencyMs > 0)
            await Task.Delay(faults.LatencyMs, context.RequestAborted);
        if (faults.TryConsumeFailure())
        {
            sandbox.Stats.CountFault("fail-next");
            int status = faults.FailStatus;
            await JsonHttp.WriteErrorAsync(context, status, status == StatusCodes.Status429TooManyRequests ? "Too many requests" : $"Injected failure ({status})");
            return;
        }
        switch (sandbox.FaultRoller.Roll(faults))
        {
            case FaultKind.Drop:
                sandbox.Stats.CountFault("dropped-connection");
                context.Items[DroppedKey] = true;
                context.Abort();
                return;
            case FaultKind.ServerError:
                sandbox.Stats.CountFault("server-error");
                await WriteServerErrorAsync(context);
                return;
            case FaultKind.MalformedJson:
                sandbox.Stats.CountFault("malformed-json");
                await TruncateAsync(context);
                return;
            default:
                await next(context);
                return;
        }
    }

    private async Task WriteServerErrorAsync(HttpContext context)
    {
        if (!sandbox.FaultRoller.NextIs503())
        {
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "Internal Server Error");
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(ServiceUnavailableHtml, context.RequestAborted);
    }

    /// <summary>Runs the real handler into a buffer and sends only the first half of a successful body. A truncated 201
    /// means the write happened (an invoice was created) although the client cannot read the answer.</summary>
    private async Task TruncateAsync(HttpContext context)
    {
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var bytes = buffer.ToArray();
        if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status201Created)
            bytes = bytes[..Math.Max(1, bytes.Length / 2)];
        context.Response.ContentLength = bytes.Length;
        await original.WriteAsync(bytes, context.RequestAborted);
    }
}
