using System.ComponentModel.DataAnnotations;

namespace CoupaIntegration.Rossum.Api;

/// <summary>How we call the Rossum API to install and invoke hooks. Section "RossumApi".</summary>
public sealed class RossumApiOptions
{
    public const string SectionName = "RossumApi";

    /// <summary>Retries of reads (GET) on 408, 429, 5xx and connection errors; writes are never repeated blindly.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    [Range(0.01, 60)]
    public double RetryBaseDelaySeconds { get; set; } = 1;

    [Range(0.01, 300)]
    public double RetryMaxDelaySeconds { get; set; } = 10;

    [Range(1, 600)]
    public double AttemptTimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// An invoke answers only when the hook has: up to its <c>timeout_s</c> (≤ 60), and if Rossum follows a 202 itself,
    /// up to the default <c>max_polling_time_s</c> of 300 s (INFERRED for manual calls). A little longer than both.
    /// </summary>
    [Range(1, 3600)]
    public double InvokeTimeoutSeconds { get; set; } = 330;

    /// <summary>How often `coupa rossum invoke` polls a run's status link (Rossum itself polls every 30 s).</summary>
    [Range(0.01, 60)]
    public double RunPollIntervalSeconds { get; set; } = 2;

    /// <summary>Page size of list calls; the Rossum API serves at most 100.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;
}
