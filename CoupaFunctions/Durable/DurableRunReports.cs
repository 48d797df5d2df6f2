using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CoupaFunctions.Durable;

/// <summary>Orchestration metadata → the run report the polling URL shows.</summary>
public static class DurableRunReports
{
    public static ImportRunReport From(OrchestrationMetadata metadata, ImportRunInput input)
    {
        var status = metadata.ReadCustomStatusAs<ImportRunCustomStatus>();
        var report = new ImportRunReport(input.RunId, input.Job.DatasetName, ImportRunPhase.Running, metadata.CreatedAt, metadata.LastUpdatedAt,
            status?.Progress, null, null);
        switch (metadata.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Pending:
                return report with { Phase = ImportRunPhase.Pending };
            case OrchestrationRuntimeStatus.Completed:
                var summary = metadata.ReadOutputAs<ImportSummary>();
                return summary is null
                    ? report with { Phase = ImportRunPhase.Incomplete, Error = "max_run_time_s ran out before the first slice; the next run starts it." }
                    : report with { Phase = Phase(summary.Status), Summary = summary, Error = summary.Error };
            case OrchestrationRuntimeStatus.Failed:
                return report with { Phase = ImportRunPhase.Failed, Summary = status?.Summary, Error = Describe(metadata.FailureDetails, input.RunId) };
            case OrchestrationRuntimeStatus.Terminated:
                return report with { Phase = ImportRunPhase.Failed, Summary = status?.Summary, Error = "The run was terminated by an operator; the next run resumes it." };
            default:
                return report;
        }
    }

    private static ImportRunPhase Phase(ImportRunStatus status) => status switch
    {
        ImportRunStatus.Completed => ImportRunPhase.Completed,
        ImportRunStatus.Failed => ImportRunPhase.Failed,
        _ => ImportRunPhase.Incomplete,
    };

    /// <summary>Our own exceptions carry messages written to be shown; anything else might quote internals, so it is only named.</summary>
    private static string Describe(TaskFailureDetails? failure, string runId)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
            if (f.IsCausedBy<ImportSliceFailedException>() || f.IsCausedBy<ImportSliceRefusedException>())
                return f.ErrorMessage;
        return $"Unexpected error ({failure?.InnerFailure?.ErrorType ?? failure?.ErrorType ?? "unknown"}); see the app's logs for run {runId}.";
    }
}
