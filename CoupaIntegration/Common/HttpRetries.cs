using CoupaIntegration.Telemetry;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CoupaIntegration.Common;

/// <summary>
/// The retry shape every outbound API shares (Coupa, Rossum): the default predicate covers 408, 429, 5xx,
/// connection errors and attempt time-outs; exponential backoff with jitter; a Retry-After header, when
/// present, wins over the backoff; then a per-attempt timeout. Each retry counts for the run under way.
/// </summary>
public static class HttpRetries
{
    public static void Add(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, int maxRetryAttempts, double baseDelaySeconds, double maxDelaySeconds, double attemptTimeoutSeconds, bool safeMethodsOnly = false)
    {
        if (maxRetryAttempts > 0)
        {
            var retry = new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = maxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(baseDelaySeconds),
                MaxDelay = TimeSpan.FromSeconds(maxDelaySeconds),
                ShouldRetryAfterHeader = true,
                // Counted for the run the call belongs to (an ambient counter: this pipeline is shared by every run).
                OnRetry = _ =>
                {
                    RetryCounter.Add();
                    return ValueTask.CompletedTask;
                },
            };
            if (safeMethodsOnly) retry.DisableForUnsafeHttpMethods();
            pipeline.AddRetry(retry);
        }
        pipeline.AddTimeout(TimeSpan.FromSeconds(attemptTimeoutSeconds));
    }
}
