using System.Diagnostics;
using System.Diagnostics.Metrics;
using static CoupaIntegration.Telemetry.TelemetryNames;

namespace CoupaIntegration.Telemetry;

/// <summary>
/// The app's meter and its instruments. Tags stay bounded on purpose — function, dataset, hook id, outcome, failure
/// kind — since each tag combination is a time series of its own: run ids belong in the log events, not here.
/// </summary>
public sealed class CoupaMetrics
{
    public const string MeterName = "CoupaFunctions";

    public const string ImportRuns = "coupa.import.runs";
    public const string ImportRecordsRead = "coupa.import.records_read";
    public const string ImportRecordsWritten = "coupa.import.records_written";
    public const string ImportRecordsUnchanged = "coupa.import.records_unchanged";
    public const string ImportPages = "coupa.import.pages";
    public const string ImportRetries = "coupa.import.retries";
    public const string ImportDuration = "coupa.import.duration";
    public const string ExportRuns = "coupa.export.runs";
    public const string ExportRetries = "coupa.export.retries";
    public const string ExportDuration = "coupa.export.duration";

    private readonly Counter<long> _importRuns;
    private readonly Counter<long> _recordsRead;
    private readonly Counter<long> _recordsWritten;
    private readonly Counter<long> _recordsUnchanged;
    private readonly Counter<long> _pages;
    private readonly Counter<long> _importRetries;
    private readonly Histogram<double> _importDuration;
    private readonly Counter<long> _exportRuns;
    private readonly Counter<long> _exportRetries;
    private readonly Histogram<double> _exportDuration;

    public CoupaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _importRuns = meter.CreateCounter<long>(ImportRuns, "{run}", "Calls of the import engine (a Durable slice and a resumed run each count) by outcome");
        _recordsRead = meter.CreateCounter<long>(ImportRecordsRead, "{record}", "Records read from Coupa");
        _recordsWritten = meter.CreateCounter<long>(ImportRecordsWritten, "{record}", "Records inserted or updated in the data hub");
        _recordsUnchanged = meter.CreateCounter<long>(ImportRecordsUnchanged, "{record}", "Records read whose stored copy was already the same");
        _pages = meter.CreateCounter<long>(ImportPages, "{page}", "Coupa pages read");
        _importRetries = meter.CreateCounter<long>(ImportRetries, "{retry}", "HTTP retries (Coupa and Rossum Data Storage) within import runs");
        _importDuration = meter.CreateHistogram<double>(ImportDuration, "s", "Duration of one call of the import engine");
        _exportRuns = meter.CreateCounter<long>(ExportRuns, "{export}", "Export and duplicate-check calls by outcome");
        _exportRetries = meter.CreateCounter<long>(ExportRetries, "{retry}", "HTTP and step retries within exports");
        _exportDuration = meter.CreateHistogram<double>(ExportDuration, "s", "Duration of one export or duplicate-check call");
    }

    public void Record(ImportRunEnd run)
    {
        var tags = Tags(run.Function, run.HookId, Value(run.Status), run.FailureKind);
        tags.Add(Dataset, run.Dataset);
        _importRuns.Add(1, tags);
        _recordsRead.Add(run.RecordsRead, tags);
        _recordsWritten.Add(run.RecordsWritten, tags);
        _recordsUnchanged.Add(run.Unchanged, tags);
        _pages.Add(run.Pages, tags);
        _importRetries.Add(run.Retries, tags);
        _importDuration.Record(run.Duration.TotalSeconds, tags);
    }

    public void Record(ExportRunEnd export)
    {
        var tags = Tags(export.Function, export.HookId, Value(export.Outcome), export.FailureKind);
        _exportRuns.Add(1, tags);
        _exportRetries.Add(export.Retries, tags);
        _exportDuration.Record(export.Duration.TotalSeconds, tags);
    }

    private static TagList Tags(string function, string hookId, string outcome, Common.FailureKind? failureKind)
    {
        var tags = new TagList { { Function, function }, { HookId, hookId }, { Outcome, outcome } };
        if (failureKind is { } kind) tags.Add(FailureKind, Value(kind));
        return tags;
    }
}
