using System.Collections.Concurrent;
using System.Security.Cryptography;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// Runs webhook imports as background tasks of this process (`coupa serve`, tests). One run per dataset key at a
/// time; reports are kept in memory. Resumability does not depend on it: run state lives in the data hub, so a
/// restarted process resumes a cut run on the next call.
/// </summary>
public sealed class InProcessImportRunLauncher(ImportJobExecutor executor, TimeProvider time, ILogger<InProcessImportRunLauncher> logger)
    : IImportRunLauncher, IAsyncDisposable
{
    private const int ReportsKept = 1000;
    private readonly ConcurrentDictionary<string, ImportRunReport> _reports = new();
    private readonly Dictionary<string, string> _activeByDataset = new(StringComparer.Ordinal);
    private readonly List<Task> _running = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();

    public Task<ImportRunTicket> StartAsync(ImportJobRequest job, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_activeByDataset.TryGetValue(job.DatasetKey, out var activeRunId))
                return Task.FromResult(new ImportRunTicket(activeRunId, AlreadyRunning: true));
            var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _activeByDataset[job.DatasetKey] = runId;
            _reports[runId] = new ImportRunReport(runId, job.DatasetName, ImportRunPhase.Pending, time.GetUtcNow(), null, null, null, null);
            Forget();
            _running.Add(Task.Run(() => ExecuteAsync(runId, job)));
            return Task.FromResult(new ImportRunTicket(runId, AlreadyRunning: false));
        }
    }

    public Task<ImportRunReport?> GetAsync(string runId, CancellationToken cancellationToken) =>
        Task.FromResult(_reports.TryGetValue(runId, out var report) ? report : null);

    private async Task ExecuteAsync(string runId, ImportJobRequest job)
    {
        Update(runId, r => r with { Phase = ImportRunPhase.Running, LastUpdatedAt = time.GetUtcNow() });
        try
        {
            var progress = new InlineProgress(p => Update(runId, r => r with { Progress = p, LastUpdatedAt = time.GetUtcNow() }));
            var summary = await executor.RunAsync(job, null, progress, _stopping.Token);
            var phase = summary.Status switch
            {
                ImportRunStatus.Completed => ImportRunPhase.Completed,
                ImportRunStatus.Failed => ImportRunPhase.Failed,
                _ => ImportRunPhase.Incomplete,
            };
            Update(runId, r => r with { Phase = phase, Summary = summary, Error = summary.Error, LastUpdatedAt = time.GetUtcNow() });
        }
        catch (IntegrationException e)
        {
            Update(runId, r => r with { Phase = ImportRunPhase.Failed, Error = e.Message, LastUpdatedAt = time.GetUtcNow() });
        }
        catch (Exception e)
        {
            logger.LogError(e, "Import run {RunId} of {Dataset} failed unexpectedly", runId, job.DatasetName);
            Update(runId, r => r with { Phase = ImportRunPhase.Failed, Error = $"Unexpected error ({e.GetType().Name}); see the app's logs for run {runId}.", LastUpdatedAt = time.GetUtcNow() });
        }
        finally
        {
            lock (_gate) _activeByDataset.Remove(job.DatasetKey);
        }
    }

    private void Update(string runId, Func<ImportRunReport, ImportRunReport> change) =>
        _reports.AddOrUpdate(runId, _ => throw new InvalidOperationException("Unknown run."), (_, current) => change(current));

    /// <summary>Drops the oldest finished reports past the limit, and finished tasks.</summary>
    private void Forget()
    {
        _running.RemoveAll(t => t.IsCompleted);
        if (_reports.Count < ReportsKept) return;
        foreach (var old in _reports.Values.Where(r => r.Phase is not (ImportRunPhase.Pending or ImportRunPhase.Running))
                     .OrderBy(r => r.CreatedAt).Take(_reports.Count - ReportsKept + 1))
            _reports.TryRemove(old.RunId, out _);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_gate) running = [.. _running];
        await Task.WhenAll(running);
        _stopping.Dispose();
    }

    private sealed class InlineProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
