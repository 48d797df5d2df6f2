using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using CoupaIntegration.Common;
using CoupaIntegration.Coupa;
using CoupaIntegration.DataHub;
using CoupaIntegration.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Imports;

/// <summary>
/// Runs one import: pins the id range at the start, reads it in keyed slices side by side, and streams pages
/// through one writer that saves data and run state together, so memory stays flat and a run cut short by
/// a time limit, cancellation or crash resumes where its data was written. The checkpoint moves only when
/// every slice is read and written.
/// </summary>
public sealed partial class ImportRunner(
    CoupaClientFactory clients,
    IOptions<ImportOptions> options,
    TimeProvider time,
    RunTelemetry telemetry,
    ILogger<ImportRunner> logger)
{
    public async Task<ImportSummary> RunAsync(ImportPlan plan, IDataHub hub, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var retries = RetryCounter.Begin();
        using var timeLimit = plan.MaxRunTime is { } limit ? new CancellationTokenSource(limit, time) : new CancellationTokenSource();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        var api = clients.CreateApi(plan.Connection.BaseUrl);
        var run = new ActiveRun(plan, NewRunId(), clock, retries);
        try
        {
            var unfinished = await hub.GetUnfinishedRunAsync(plan.DatasetName, stop.Token);
            run.Resumed = unfinished is not null && unfinished.Fingerprint == plan.Fingerprint();
            if (unfinished is not null && !run.Resumed)
                logger.LogWarning("Import of {Dataset}: unfinished run {RunId} was made with other settings and is discarded", plan.DatasetName, unfinished.RunId);
            if (run.Resumed) (run.RunId, run.Attempt) = (unfinished!.RunId, unfinished.Attempts + 1);
            telemetry.ImportStarted(run.RunId, plan.Type, plan.DatasetName, run.HookId, plan.Endpoint, run.Resumed, run.Attempt);
            var state = run.Resumed ? unfinished! : await StartAsync(plan, run.RunId, api, hub, stop.Token);
            run.Begin(state);
            state.Attempts++;
            logger.LogInformation("Import {RunId} of {Dataset}: ids ({IdFloor}, {IdCeiling}], {Ranges} slices, modified since {ModifiedSince}",
                state.RunId, plan.DatasetName, state.IdFloor, state.IdCeiling, state.Ranges.Count, CoupaPageReader.FormatTimestamp(state.ModifiedSince));

            var reader = new CoupaPageReader(api, plan, state.ModifiedSince);
            await using var writer = await hub.OpenWriterAsync(new DatasetTarget(plan.DatasetName, plan.Method, plan.IdKeys, state.RunId), run.Resumed, stop.Token);
            var error = await PumpAsync(plan, state, reader, writer, progress, clock, stop.Token);

            if (error is null && state.Ranges.Count == 0)
            {
                await writer.CompleteAsync(state, state.StartedAt, CancellationToken.None);
                return Finish(run, ImportRunStatus.Completed, null, state.StartedAt);
            }
            if (error is not null) return Finish(run, ImportRunStatus.Failed, error.Message, null, error.Kind);
            return Finish(run, timeLimit.IsCancellationRequested ? ImportRunStatus.TimedOut : ImportRunStatus.Cancelled,
                timeLimit.IsCancellationRequested ? $"Stopped at its time limit ({plan.MaxRunTime!.Value.TotalSeconds:0} s, max_run_time_s or the host's slice); the next run resumes it." : "Cancelled; the next run resumes it.", null);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var status = timeLimit.IsCancellationRequested ? ImportRunStatus.TimedOut : ImportRunStatus.Cancelled;
            return Finish(run, status, "Stopped before any page was read; the next run starts again.", null);
        }
        catch (Exception e) when (e is IntegrationException or HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            var failure = AsIntegrationFailure(e);
            return Finish(run, ImportRunStatus.Failed, failure.Message, null, failure.Kind);
        }
        catch (Exception e) when (EndedUnexpectedly(run, e))
        {
            throw; // never reached: the filter records the end of the run and lets the exception go on to the host
        }
    }

    private async Task<ImportRunState> StartAsync(ImportPlan plan, string runId, ICoupaApi api, IDataHub hub, CancellationToken cancellationToken)
    {
        // Floor to the second: Coupa filters and timestamps are second-grained, and an earlier checkpoint only overlaps.
        var now = time.GetUtcNow();
        var startedAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var since = await hub.GetCheckpointAsync(plan.DatasetName, cancellationToken) ?? DateTimeOffset.UnixEpoch;
        var span = await new CoupaPageReader(api, plan, since).ProbeIdRangeAsync(cancellationToken);
        var (floor, ceiling) = span is { } s ? (s.Min - 1, s.Max) : (0L, 0L);
        var ranges = span is null ? [] : RangeScheduler.Slice(floor, ceiling, options.Value.PageConcurrency, plan.PageSize);
        return new ImportRunState
        {
            RunId = runId,
            Dataset = plan.DatasetName,
            Fingerprint = plan.Fingerprint(),
            StartedAt = startedAt,
            ModifiedSince = since,
            IdFloor = floor,
            IdCeiling = ceiling,
            Ranges = ranges,
            NextRangeId = ranges.Count,
        };
    }

    private static string NewRunId() => Guid.NewGuid().ToString("N")[..12];
}
