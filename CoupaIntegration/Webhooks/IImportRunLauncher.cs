using CoupaIntegration.Imports;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// Starts imports in the background and reports on them. The Function App's implementation is a Durable Functions
/// orchestration; `coupa serve` and tests use <c>InProcessImportRunLauncher</c>. Both execute jobs through
/// <c>ImportJobExecutor</c>, so behaviour is the same wherever a run happens.
/// </summary>
public interface IImportRunLauncher
{
    /// <summary>Starts the job unless a run of the same <see cref="ImportJobRequest.DatasetKey"/> is under way; returns the run that is.</summary>
    Task<ImportRunTicket> StartAsync(ImportJobRequest job, CancellationToken cancellationToken);

    /// <summary>The run's state, or null when no such run is known.</summary>
    Task<ImportRunReport?> GetAsync(string runId, CancellationToken cancellationToken);
}

public sealed record ImportRunTicket(string RunId, bool AlreadyRunning);

public enum ImportRunPhase
{
    Pending,
    Running,
    Completed,
    /// <summary>Stopped by max_run_time_s or shutdown: data so far is kept and the next run resumes.</summary>
    Incomplete,
    Failed,
}

/// <summary>What the status URL shows: progress while running, the summary when done, the reason when failed.</summary>
public sealed record ImportRunReport(
    string RunId,
    string Dataset,
    ImportRunPhase Phase,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUpdatedAt,
    ImportProgress? Progress,
    ImportSummary? Summary,
    string? Error);
