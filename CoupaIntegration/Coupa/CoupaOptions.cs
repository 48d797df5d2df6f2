using System.ComponentModel.DataAnnotations;

namespace CoupaIntegration.Coupa;

/// <summary>How we talk to Coupa: politeness (rate limit) and patience (retries, timeouts). Section "Coupa".</summary>
public sealed class CoupaOptions
{
    public const string SectionName = "Coupa";

    /// <summary>Coupa allows 25 requests/s per instance; staying just under it avoids 429s in the first place.</summary>
    [Range(0.1, 1000)]
    public double RequestsPerSecond { get; set; } = 24;

    /// <summary>Requests that may start at once; Coupa's burst limit is 20.</summary>
    [Range(1, 100)]
    public int RateLimitBurst { get; set; } = 10;

    [Range(1, 20)]
    public int MaxRetryAttempts { get; set; } = 8;

    [Range(0.01, 60)]
    public double RetryBaseDelaySeconds { get; set; } = 1;

    [Range(0.01, 600)]
    public double RetryMaxDelaySeconds { get; set; } = 60;

    /// <summary>One attempt's limit; a page of 50 records with nested objects can take seconds on a busy instance.</summary>
    [Range(1, 600)]
    public double AttemptTimeoutSeconds { get; set; } = 120;

    /// <summary>Tokens are minted again this long before they expire (Coupa: 24 h tokens, refresh after 20 h).</summary>
    [Range(0, 86400)]
    public double TokenRefreshMarginSeconds { get; set; } = 300;
}
