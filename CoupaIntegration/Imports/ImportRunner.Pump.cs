using System.Diagnostics;
using System.Text.Json;
using System.Threading.Channels;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Imports;

/// <summary>The moving parts of a run: page workers feeding one writer through a bounded channel.</summary>
public sealed partial class ImportRunner
{
    /// <summary>Reads and writes until every range is done or the run is stopped; returns the error that stopped it, if any.</summary>
    private async Task<IntegrationException?> PumpAsync(ImportPlan plan, ImportRunState state, CoupaPageReader reader, IDatasetWriter writer,
        IProgress<ImportProgress>? progress, Stopwatch clock, CancellationToken stop)
    {
        var settings = options.Value;
        // Bounded: at most a few pages per worker wait for the writer, so memory does not grow with the dataset.
        var pages = Channel.CreateBounded<PageMessage>(new BoundedChannelOptions(settings.PageConcurrency * 2) { SingleReader = true });
        var scheduler = new RangeScheduler(state.Ranges.Select(r => r with { }), state.NextRangeId);
        using var work = CancellationTokenSource.CreateLinkedTokenSource(stop);
        IntegrationException? failure = null;

        void Fail(Exception e)
        {
            Interlocked.CompareExchange(ref failure, AsIntegrationFailure(e), null);
            work.Cancel();
        }

        var workers = Enumerable.Range(0, settings.PageConcurrency).Select(_ => Task.Run(async () =>
        {
            try { await ReadRangesAsync(reader, scheduler, pages.Writer, plan.PageSize, work.Token); }
            catch (OperationCanceledException) when (work.IsCancellationRequested) { }
            catch (Exception e) { Fail(e); }
        })).ToArray();
        var allRead = Task.WhenAll(workers).ContinueWith(_ => pages.Writer.TryComplete(), TaskScheduler.Default);

        try
        {
            await WriteAsync(plan, state, pages.Reader, writer, progress, clock);
        }
        catch (Exception e)
        {
            Fail(e);
            // Let blocked workers see the cancellation, then drop what they were about to hand over.
            while (pages.Reader.TryRead(out _)) { }
        }
        await allRead;
        return failure;
    }

    private static async Task ReadRangesAsync(CoupaPageReader reader, RangeScheduler scheduler, ChannelWriter<PageMessage> output, int pageSize, CancellationToken cancellationToken)
    {
        while (await scheduler.NextAsync(cancellationToken) is { } range)
        {
            while (true)
            {
                var page = await reader.ReadPageAsync(range.After, range.Through, cancellationToken);
                var lastId = page.Count > 0 ? CoupaPageReader.IdOf(page[^1]) : range.Through;
                // A short page ends the range; a full one may have been the last (the next read then comes back empty).
                var done = page.Count < pageSize || lastId >= range.Through;
                await output.WriteAsync(new PageRead(range.Id, page, lastId, done), cancellationToken);
                if (done)
                {
                    scheduler.Finished();
                    break;
                }
                range.After = lastId;
                if (scheduler.SomeoneIsIdle && range.Through - range.After > 2L * pageSize)
                {
                    var at = range.After + (range.Through - range.After) / 2;
                    var rest = scheduler.NewRange(at, range.Through);
                    range.Through = at;
                    // Announced before the new range is handed out, so the writer always knows a range before its pages.
                    await output.WriteAsync(new RangeSplit(range.Id, at, rest.Id), cancellationToken);
                    scheduler.Enqueue(rest);
                }
            }
        }
    }

    /// <summary>The single writer: applies messages to the run state in order and saves it with each batch.</summary>
    private async Task WriteAsync(ImportPlan plan, ImportRunState state, ChannelReader<PageMessage> pages, IDatasetWriter writer,
        IProgress<ImportProgress>? progress, Stopwatch clock)
    {
        var settings = options.Value;
        var secondsBefore = state.SecondsBefore;
        var batch = new List<JsonElement>(settings.BatchSize + ImportPlanner.MaxPageSize);
        var unsaved = true; // the first save records the run, so even a crash before any page is resumable
        var lastFlush = Stopwatch.StartNew();
        var lastLog = Stopwatch.StartNew();
        var readAtStart = state.RecordsRead;

        async Task FlushAsync()
        {
            state.SecondsBefore = secondsBefore + clock.Elapsed.TotalSeconds;
            await writer.WriteAsync(batch, result =>
            {
                state.Inserted += result.Inserted;
                state.Updated += result.Updated;
                state.Unchanged += result.Unchanged;
                return state.Snapshot();
            }, CancellationToken.None);
            batch.Clear();
            unsaved = false;
            lastFlush.Restart();
            var rate = (state.RecordsRead - readAtStart) / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
            progress?.Report(new ImportProgress(state.RunId, plan.DatasetName, state.Pages, state.RecordsRead, rate, state.FractionDone(), TimeSpan.FromSeconds(state.SecondsBefore)));
            if (lastLog.Elapsed.TotalSeconds >= settings.ProgressIntervalSeconds)
            {
                lastLog.Restart();
                logger.LogInformation("Import {RunId} of {Dataset}: {Pages} pages, {Records} records, {RecordsPerSecond:0} records/s, {PercentDone:0}% of the id range",
                    state.RunId, plan.DatasetName, state.Pages, state.RecordsRead, rate, state.FractionDone() * 100);
            }
        }

        await FlushAsync();
        while (await pages.WaitToReadAsync())
        {
            while (pages.TryRead(out var message))
            {
                Apply(state, message, batch);
                unsaved = true;
                if (batch.Count >= settings.BatchSize) await FlushAsync();
            }
            if (unsaved && (lastFlush.Elapsed.TotalSeconds >= 1 || batch.Count == 0)) await FlushAsync();
        }
        if (unsaved) await FlushAsync();
    }

    private static void Apply(ImportRunState state, PageMessage message, List<JsonElement> batch)
    {
        var range = state.Ranges.Find(r => r.Id == message.RangeId)
            ?? throw new InvalidOperationException($"Page for unknown range {message.RangeId}.");
        switch (message)
        {
            case PageRead page:
                batch.AddRange(page.Records);
                state.Pages++;
                state.RecordsRead += page.Records.Count;
                if (page.RangeDone) state.Ranges.Remove(range);
                else range.After = page.LastId;
                break;
            case RangeSplit split:
                state.Ranges.Add(new IdRange(split.NewRangeId, split.At, range.Through));
                range.Through = split.At;
                state.NextRangeId = Math.Max(state.NextRangeId, split.NewRangeId + 1);
                break;
        }
    }

    private static IntegrationException AsIntegrationFailure(Exception e) => e switch
    {
        IntegrationException known => known,
        HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException =>
            new IntegrationException(FailureKind.Transient, $"Coupa could not be reached after all retries ({e.GetType().Name}: {e.Message})", e),
        _ => new IntegrationException(FailureKind.Fatal, $"Import failed unexpectedly ({e.GetType().Name}: {e.Message})", e),
    };
}
