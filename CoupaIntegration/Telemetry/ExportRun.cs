using System.Diagnostics;
using CoupaIntegration.Common;
using CoupaIntegration.Exports;
using CoupaIntegration.Rossum.Webhooks.Annotations;

namespace CoupaIntegration.Telemetry;

/// <summary>
/// The telemetry of one export or duplicate-check call: its clock and retry count start when the call arrives, the
/// start event is logged once the payload names the annotation and hook, and the end is recorded exactly once.
/// </summary>
public sealed class ExportRun
{
    private readonly RunTelemetry _telemetry;
    private readonly string _function;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly RetryCounter _retries = RetryCounter.Begin();
    private string _runId = Guid.NewGuid().ToString("N")[..12];
    private string _hookId = HookIds.None;
    private long? _annotationId;
    private bool _ended;

    internal ExportRun(RunTelemetry telemetry, string function)
    {
        _telemetry = telemetry;
        _function = function;
    }

    /// <summary>The payload is read: the run takes Rossum's request id (searchable in the hook's log) and the hook's id.</summary>
    public void Started(AnnotationPayload payload)
    {
        _runId = payload.RequestId is { Length: > 0 } requestId ? requestId : _runId;
        _hookId = HookIds.From(payload.Hook);
        _annotationId = payload.AnnotationId;
        _telemetry.ExportStarted(_runId, _function, _hookId, payload.AnnotationId);
    }

    /// <summary>Ends with an outcome decided by the caller; returns <paramref name="answer"/> so a handler can end and answer in one line.</summary>
    public T End<T>(T answer, ExportOutcome outcome, FailureKind? failureKind = null, string? error = null)
    {
        Record(outcome, failureKind, error, null);
        return answer;
    }

    /// <summary>Ends with the exporter's result: completed, partial (the invoice exists but a later step failed) or failed (no invoice).</summary>
    public T End<T>(T answer, ExportResult result)
    {
        var failed = result.Steps.LastOrDefault(s => s.Outcome == ExportStepOutcome.Failed);
        var outcome = result.InvoiceId is null ? ExportOutcome.Failed : failed is null ? ExportOutcome.Completed : ExportOutcome.Partial;
        var error = result.Error ?? (failed is null ? null : $"{failed.Step}: {failed.Message}");
        Record(outcome, outcome == ExportOutcome.Completed ? null : KindOf(failed), error, result);
        return answer;
    }

    /// <summary>An exception filter: records the end of a call that something unforeseen stopped, and lets the exception go on.</summary>
    public bool EndedUnexpectedly(Exception e)
    {
        if (e is OperationCanceledException) Record(ExportOutcome.Failed, FailureKind.Transient, "cancelled by the host before it finished", null);
        else Record(ExportOutcome.Failed, FailureKind.Fatal, $"unexpected error ({e.GetType().Name}); see the exception logged by the host", null);
        return false;
    }

    private void Record(ExportOutcome outcome, FailureKind? failureKind, string? error, ExportResult? result)
    {
        if (_ended) return;
        _ended = true;
        var steps = result is null ? null : string.Join(", ", result.Steps.Select(s => $"{s.Step} {TelemetryNames.Value(s.Outcome)}"));
        _telemetry.ExportEnded(new ExportRunEnd(_runId, _function, _hookId, _annotationId, outcome, failureKind,
            result?.InvoiceId, result?.Status, steps, _retries.Count, _clock.Elapsed, error));
    }

    /// <summary>No answer or an overloaded Coupa may pass; a refusal of the request or of the credentials will not.</summary>
    private static FailureKind? KindOf(ExportStepResult? step) => step?.StatusCode switch
    {
        null => null,
        0 or 408 or 429 or >= 500 => FailureKind.Transient,
        401 or 403 => FailureKind.Configuration,
        _ => FailureKind.BadRequest,
    };
}
