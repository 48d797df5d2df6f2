namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>Why an <c>invocation</c> event was sent.</summary>
public enum InvocationAction
{
    /// <summary>By the hook's <c>config.schedule</c> cron; Rossum retries it on failure.</summary>
    Scheduled,
    /// <summary>By <c>POST /api/v1/hooks/{id}/invoke</c>; not retried, and the response is forwarded to the caller.</summary>
    Manual,
}
