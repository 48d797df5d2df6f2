using System.Diagnostics;
using CoupaIntegration.Common;
using CoupaIntegration.Telemetry;

namespace CoupaIntegration.Imports;

/// <summary>How a run ends: its summary for the caller, and its end event and metrics for the operator.</summary>
public sealed partial class ImportRunner
{
    private ImportSummary Finish(ActiveRun run, ImportRunStatus status, string? error, DateTimeOffset? checkpoint, FailureKind? failureKind = null)
    {
        var (plan, state) = (run.Plan, run.State);
        var summary = new ImportSummary(run.RunId, plan.Type, plan.DatasetName, status,
            state?.RecordsRead ?? 0, state?.Inserted ?? 0, state?.Updated ?? 0, state?.Unchanged ?? 0, state?.Pages ?? 0,
            state is { SecondsBefore: > 0 } ? TimeSpan.FromSeconds(state.SecondsBefore) : run.Clock.Elapsed,
            checkpoint, run.Resumed, error, failureKind);
        telemetry.ImportEnded(run.End(status, failureKind, error, checkpoint));
        return summary;
    }

    /// <summary>An exception filter: records the end of a run that something unforeseen stopped, and lets the exception go on.</summary>
    private bool EndedUnexpectedly(ActiveRun run, Exception e)
    {
        telemetry.ImportEnded(run.End(ImportRunStatus.Failed, FailureKind.Fatal, $"Import failed unexpectedly ({e.GetType().Name}); see the exception logged by the host.", null));
        return false;
    }

    /// <summary>
    /// One call of the engine as telemetry sees it. Its figures are this call's own (the state's counters minus what
    /// they held when the call began), so a resumed run or a Durable slice does not count earlier calls' records again.
    /// </summary>
    private sealed class ActiveRun(ImportPlan plan, string runId, Stopwatch clock, RetryCounter retries)
    {
        private (long Read, long Inserted, long Updated, long Unchanged, long Pages) _before;

        public ImportPlan Plan => plan;
        public Stopwatch Clock => clock;
        public string RunId { get; set; } = runId;
        public int Attempt { get; set; } = 1;
        public bool Resumed { get; set; }
        public string HookId => plan.HookId ?? HookIds.None;
        public ImportRunState? State { get; private set; }

        public void Begin(ImportRunState state)
        {
            State = state;
            _before = (state.RecordsRead, state.Inserted, state.Updated, state.Unchanged, state.Pages);
        }

        public ImportRunEnd End(ImportRunStatus status, FailureKind? failureKind, string? error, DateTimeOffset? checkpoint) => new(
            RunId, plan.Type, plan.DatasetName, HookId, status, failureKind, State?.Attempts ?? Attempt, Resumed,
            (State?.RecordsRead ?? 0) - _before.Read, (State?.Inserted ?? 0) - _before.Inserted, (State?.Updated ?? 0) - _before.Updated,
            (State?.Unchanged ?? 0) - _before.Unchanged, (State?.Pages ?? 0) - _before.Pages,
            retries.Count, clock.Elapsed, error, checkpoint);
    }
}
