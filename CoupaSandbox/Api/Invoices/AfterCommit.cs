using CoupaSandbox.Hosting;
using CoupaSandbox.Middleware;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Api.Invoices;

/// <summary>The "Coupa accepted it but the client never heard back" fault: checked by write endpoints after they stored
/// their change and before they answer, so a retrying client meets its own earlier write (FaultOptions.DropResponseAfterCommitNext).</summary>
internal static class AfterCommit
{
    public static bool DropIfInjected(HttpContext context)
    {
        var sandbox = context.Sandbox();
        if (!sandbox.Options.Faults.TryConsumeDropAfterCommit(context.Request.Method, context.Request.Path.Value ?? ""))
            return false;
        sandbox.Stats.CountFault("dropped-after-commit");
        context.Items[FaultMiddleware.DroppedKey] = true; // logged with status 0, like the random drops
        context.Abort();
        return true;
    }
}
