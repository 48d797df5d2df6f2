using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace CoupaFunctions.Durable;

/// <summary>
/// A long import as a Durable orchestration: a loop of activity slices, each running (or resuming) the import for a
/// few minutes. Run state lives in the data hub next to the data, not in the orchestration, so a slice cut by its
/// budget, a retried slice and a slice re-run after a host restart all resume exactly where the data was written.
/// </summary>
public sealed class ImportOrchestration(ImportJobExecutor executor)
{
    [Function(nameof(ImportOrchestration))]
    public static Task<ImportSummary?> RunOrchestrator([OrchestrationTrigger] TaskOrchestrationContext context) =>
        RunAsync(context, context.GetInput<ImportRunInput>() ?? throw new InvalidOperationException("The import orchestration was started without input."));

    /// <summary>The orchestrator proper (replay-safe: only <paramref name="context"/> APIs); public for the in-process test host.</summary>
    public static async Task<ImportSummary?> RunAsync(TaskOrchestrationContext context, ImportRunInput input)
    {
        var log = context.CreateReplaySafeLogger(nameof(ImportOrchestration));
        // The deadline counts from the orchestration's start, not the activity's: max_run_time_s bounds the whole run.
        DateTime? deadline = input.MaxRunTimeSeconds is { } max ? context.CurrentUtcDateTime.AddSeconds(max) : null;
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(input.SliceAttempts, TimeSpan.FromSeconds(input.SliceRetrySeconds), backoffCoefficient: 2)
        {
            HandleFailure = failure => !failure.IsCausedBy<ImportSliceRefusedException>(),
        });

        ImportSummary? last = null;
        for (var slice = 1; ; slice++)
        {
            var budget = input.SliceSeconds;
            if (deadline is { } end)
            {
                var left = (end - context.CurrentUtcDateTime).TotalSeconds;
                if (left <= 0) break;
                budget = Math.Min(budget, left);
            }
            var result = await context.CallActivityAsync<ImportSliceResult>(nameof(RunImportSlice), new ImportSliceInput(input.Job, budget), retry);
            last = result.Summary;
            context.SetCustomStatus(new ImportRunCustomStatus(slice, result.Progress, last));
            log.LogInformation("Import run {RunId} of {Dataset}: slice {Slice} ended {ImportStatus} after {Records} records",
                input.RunId, input.Job.DatasetName, slice, last.Status, last.RecordsRead);
            if (last.Status == ImportRunStatus.Completed) return last; // failures arrive as exceptions, after the retries
        }

        log.LogWarning("Import run {RunId} of {Dataset} stopped at max_run_time_s ({MaxRunTime} s); the next run resumes it",
            input.RunId, input.Job.DatasetName, input.MaxRunTimeSeconds);
        return last is null ? null : last with
        {
            Status = ImportRunStatus.TimedOut,
            Error = $"Stopped after max_run_time_s ({input.MaxRunTimeSeconds} s); the next run resumes it.",
        };
    }

    /// <summary>
    /// One slice: runs the job through the same executor as every other host, for at most the budget. Fails by
    /// throwing, so the orchestrator's retry policy decides: refused (a person must act) or failed (try again).
    /// </summary>
    [Function(nameof(RunImportSlice))]
    public async Task<ImportSliceResult> RunImportSlice([ActivityTrigger] ImportSliceInput input, CancellationToken cancellationToken)
    {
        ImportProgress? progress = null;
        ImportSummary summary;
        try
        {
            summary = await executor.RunAsync(input.Job, TimeSpan.FromSeconds(input.BudgetSeconds), new InlineProgress(p => progress = p), cancellationToken);
        }
        catch (SettingsValidationException e)
        {
            throw new ImportSliceRefusedException(e.Message);
        }
        catch (IntegrationException e) when (e.Kind is not FailureKind.Transient)
        {
            throw new ImportSliceRefusedException(e.Message);
        }
        catch (IntegrationException e)
        {
            throw new ImportSliceFailedException(e.Message);
        }
        if (summary.Status == ImportRunStatus.Failed)
        {
            // Logged already, with its figures, by the engine's ImportRunEnded event.
            var reason = summary.Error ?? "The import failed; see the app's logs.";
            // A refused scope or a bad filter found mid-run fails the same way on every retry: a person must act.
            if (!summary.IsRetryable) throw new ImportSliceRefusedException(reason);
            throw new ImportSliceFailedException(reason);
        }
        return new ImportSliceResult(summary, progress);
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
