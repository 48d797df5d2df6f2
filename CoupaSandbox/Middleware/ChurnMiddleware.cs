using CoupaSandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Middleware;

/// <summary>Optional data churn: every Nth /api request updates and creates records before it is answered, so paging
/// clients meet the moving data they meet in production.</summary>
internal sealed class ChurnMiddleware(RequestDelegate next, SandboxContext sandbox)
{
    private long _requests;

    public Task InvokeAsync(HttpContext context)
    {
        if (sandbox.Options.Churn is { EveryNRequests: > 0 } churn && Interlocked.Increment(ref _requests) % churn.EveryNRequests == 0)
        {
            sandbox.Data.Update(churn.Resource, churn.UpdateCount);
            sandbox.Data.Create(churn.Resource, churn.CreateCount);
        }
        return next(context);
    }
}
