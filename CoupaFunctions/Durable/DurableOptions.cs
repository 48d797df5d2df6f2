using System.ComponentModel.DataAnnotations;

namespace CoupaFunctions.Durable;

/// <summary>How long imports run on Durable Functions. Section "Durable".</summary>
public sealed class DurableOptions
{
    public const string SectionName = "Durable";

    /// <summary>
    /// One activity's share of a run. Below the Functions timeout (host.json functionTimeout, 10 min on Consumption)
    /// with room for the last batch to be written: the import engine saves its state in the data hub, so the next
    /// slice resumes where this one stopped.
    /// </summary>
    [Range(1, 3600)]
    public double SliceSeconds { get; set; } = 240;

    /// <summary>Attempts of one slice when it fails (Coupa or Rossum down beyond the client's own retries, host crash).</summary>
    [Range(1, 20)]
    public int SliceAttempts { get; set; } = 4;

    /// <summary>First pause before a failed slice is tried again; it doubles each attempt.</summary>
    [Range(0.01, 3600)]
    public double SliceRetrySeconds { get; set; } = 30;
}
