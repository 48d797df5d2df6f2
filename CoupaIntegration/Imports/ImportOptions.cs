using System.ComponentModel.DataAnnotations;

namespace CoupaIntegration.Imports;

/// <summary>How hard an import works. Section "Import".</summary>
public sealed class ImportOptions
{
    public const string SectionName = "Import";

    /// <summary>Pages in flight at once. With ~0.5 s per Coupa page, 16 keeps a 24 requests/s limiter busy.</summary>
    [Range(1, 64)]
    public int PageConcurrency { get; set; } = 16;

    /// <summary>Records per write to the data hub (and per saved run state).</summary>
    [Range(1, 10000)]
    public int BatchSize { get; set; } = 500;

    [Range(0.1, 3600)]
    public double ProgressIntervalSeconds { get; set; } = 2;
}
