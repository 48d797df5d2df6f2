using System.Globalization;
using CoupaIntegration.Imports;
using Microsoft.Extensions.Logging;
using static CoupaIntegration.Telemetry.TelemetryNames;

namespace CoupaIntegration.Telemetry;

/// <summary>
/// One log event when an import run or an export starts and one when it ends, with stable event ids and named
/// fields, and the end recorded in <see cref="CoupaMetrics"/>. Messages and errors here are the core's own, written
/// for people and free of secrets; no payload, token or connection is ever passed in.
/// </summary>
public sealed class RunTelemetry(CoupaMetrics metrics, ILogger<RunTelemetry> logger)
{
    public static readonly EventId ImportRunStartedEvent = new(7101, "ImportRunStarted");
    public static readonly EventId ImportRunEndedEvent = new(7102, "ImportRunEnded");
    public static readonly EventId ExportStartedEvent = new(7201, "ExportStarted");
    public static readonly EventId ExportEndedEvent = new(7202, "ExportEnded");

    /// <summary>Starts an export's telemetry; call it first thing in the handler's async method (it starts the retry count there).</summary>
    public ExportRun BeginExport(string function) => new(this, function);

    public void ImportStarted(string runId, string function, string dataset, string hookId, string endpoint, bool resumed, int attempt)
    {
        var fields = new LogFields(Text($"Import {runId} {(resumed ? "resumed" : "started")}: {function} from {endpoint} into {dataset}, hook {hookId}, attempt {attempt}"))
            .Add(RunId, runId).Add(HookId, hookId).Add(Function, function).Add(Dataset, dataset).Add(Endpoint, endpoint)
            .Add(Resumed, resumed).Add(Attempt, attempt);
        logger.Log(LogLevel.Information, ImportRunStartedEvent, fields, null, LogFields.Format);
    }

    public void ImportEnded(ImportRunEnd run)
    {
        metrics.Record(run);
        var outcome = Value(run.Status);
        var seconds = Math.Round(run.Duration.TotalSeconds, 3);
        var message = Text($"Import {run.RunId} ended {outcome}: {run.Function} into {run.Dataset}, hook {run.HookId}, attempt {run.Attempt}: ") +
                      Text($"{run.RecordsRead} records read, {run.RecordsWritten} written ({run.Inserted} inserted, {run.Updated} updated), {run.Unchanged} unchanged, ") +
                      Text($"{run.Pages} pages, {run.Retries} retries in {seconds:0.0} s") +
                      (run.Checkpoint is { } checkpoint ? Text($"; checkpoint {checkpoint:O}") : "") +
                      (run.Error is null ? "" : Text($"; {(run.FailureKind is { } kind ? Value(kind) + ": " : "")}{run.Error}"));
        var fields = new LogFields(message)
            .Add(RunId, run.RunId).Add(HookId, run.HookId).Add(Function, run.Function).Add(Dataset, run.Dataset)
            .Add(Outcome, outcome).Add(FailureKind, run.FailureKind is { } k ? Value(k) : null)
            .Add(Attempt, run.Attempt).Add(Resumed, run.Resumed)
            .Add(RecordsRead, run.RecordsRead).Add(RecordsWritten, run.RecordsWritten)
            .Add(Inserted, run.Inserted).Add(Updated, run.Updated).Add(Unchanged, run.Unchanged)
            .Add(Pages, run.Pages).Add(Retries, run.Retries).Add(DurationSeconds, seconds)
            .Add(Checkpoint, run.Checkpoint?.ToString("O", CultureInfo.InvariantCulture)).Add(Error, run.Error);
        logger.Log(run.Status == ImportRunStatus.Failed ? LogLevel.Warning : LogLevel.Information, ImportRunEndedEvent, fields, null, LogFields.Format);
    }

    public void ExportStarted(string runId, string function, string hookId, long annotationId)
    {
        var fields = new LogFields(Text($"{Capitalized(function)} {runId} started: annotation {annotationId}, hook {hookId}"))
            .Add(RunId, runId).Add(HookId, hookId).Add(Function, function).Add(AnnotationId, annotationId);
        logger.Log(LogLevel.Information, ExportStartedEvent, fields, null, LogFields.Format);
    }

    public void ExportEnded(ExportRunEnd export)
    {
        metrics.Record(export);
        var outcome = Value(export.Outcome);
        var seconds = Math.Round(export.Duration.TotalSeconds, 3);
        var message = Text($"{Capitalized(export.Function)} {export.RunId} ended {outcome}: annotation {export.AnnotationId?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}, hook {export.HookId}") +
                      (export.InvoiceId is { } id ? Text($", Coupa invoice {id} ({export.InvoiceStatus})") : "") +
                      (export.Steps is { } steps ? $": {steps}" : "") +
                      Text($"; {export.Retries} retries in {seconds:0.0} s") +
                      (export.Error is null ? "" : Text($"; {(export.FailureKind is { } kind ? Value(kind) + ": " : "")}{export.Error}"));
        var fields = new LogFields(message)
            .Add(RunId, export.RunId).Add(HookId, export.HookId).Add(Function, export.Function).Add(AnnotationId, export.AnnotationId)
            .Add(Outcome, outcome).Add(FailureKind, export.FailureKind is { } k ? Value(k) : null)
            .Add(InvoiceId, export.InvoiceId).Add(InvoiceStatus, export.InvoiceStatus).Add(Steps, export.Steps)
            .Add(Retries, export.Retries).Add(DurationSeconds, seconds).Add(Error, export.Error);
        var level = export.Outcome is ExportOutcome.Completed or ExportOutcome.Skipped ? LogLevel.Information : LogLevel.Warning;
        logger.Log(level, ExportEndedEvent, fields, null, LogFields.Format);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Capitalized(string function) => function.Length == 0 ? function : char.ToUpperInvariant(function[0]) + function[1..];
}
