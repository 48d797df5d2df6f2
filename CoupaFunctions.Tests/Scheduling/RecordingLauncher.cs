using System.Collections.Concurrent;
using CoupaIntegration.Webhooks;

namespace CoupaFunctions.Tests.Scheduling;

/// <summary>A launcher that records what it was asked and treats the listed dataset keys as running.</summary>
public sealed class RecordingLauncher(params string[] runningDatasetKeys) : IImportRunLauncher
{
    public ConcurrentQueue<ImportJobRequest> Started { get; } = new();

    public Task<ImportRunTicket> StartAsync(ImportJobRequest job, CancellationToken cancellationToken)
    {
        if (runningDatasetKeys.Contains(job.DatasetKey)) return Task.FromResult(new ImportRunTicket("running-" + job.DatasetName, AlreadyRunning: true));
        Started.Enqueue(job);
        return Task.FromResult(new ImportRunTicket("run-" + job.DatasetName, AlreadyRunning: false));
    }

    public Task<ImportRunReport?> GetAsync(string runId, CancellationToken cancellationToken) => Task.FromResult<ImportRunReport?>(null);
}
