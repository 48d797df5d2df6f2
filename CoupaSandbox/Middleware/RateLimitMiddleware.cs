using CoupaSandbox.Api;
using CoupaSandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Middleware;

/// <summary>429 once the bucket is full. Deliberately no Retry-After header: Coupa sends none (coupa.md §5).</summary>
internal sealed class RateLimitMiddleware(RequestDelegate next, SandboxContext sandbox)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (sandbox.Bucket.TryTake())
            return next(context);
        sandbox.Stats.CountRateLimited();
        return JsonHttp.WriteErrorAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests");
    }
}
