using System.Text.Json;
using CoupaIntegration.Imports;

namespace CoupaIntegration.DataHub;

/// <summary>
/// Where imported records land: Rossum's Master Data Hub (Data Storage) in production, a SQLite file locally.
/// Shaped after Mongo-style bulk writes: upsert by id keys, plain inserts, and a replace built aside then
/// swapped in. Run state and checkpoints live next to the data so a run resumes wherever the data went.
/// </summary>
public interface IDataHub
{
    /// <summary>A short description for logs and the CLI, e.g. <c>sqlite:/data/coupa.db</c>.</summary>
    string Description { get; }

    /// <summary>Start of the last successful run of the dataset, or null when it never completed.</summary>
    Task<DateTimeOffset?> GetCheckpointAsync(string dataset, CancellationToken cancellationToken);

    /// <summary>The saved state of a run of this dataset that did not complete, if any.</summary>
    Task<ImportRunState?> GetUnfinishedRunAsync(string dataset, CancellationToken cancellationToken);

    /// <summary>Opens the dataset for writing; for <c>replace</c> this is the aside copy (kept when resuming).</summary>
    Task<IDatasetWriter> OpenWriterAsync(DatasetTarget target, bool resume, CancellationToken cancellationToken);

    Task<long> CountAsync(string dataset, CancellationToken cancellationToken);

    IAsyncEnumerable<JsonElement> ReadAllAsync(string dataset, CancellationToken cancellationToken);

    Task<IReadOnlyList<DatasetInfo>> ListDatasetsAsync(CancellationToken cancellationToken);
}

/// <summary>One writer per run; writes arrive in order from a single writer task.</summary>
public interface IDatasetWriter : IAsyncDisposable
{
    /// <summary>
    /// Stores the records, then the run state that says how far the run got (made by <paramref name="stateAfter"/>
    /// from what the batch did, so the saved counts include it). A store that can do both atomically does
    /// (SQLite); otherwise data first, so a crash repeats a batch (harmless for upserts) rather than losing one.
    /// </summary>
    Task<BatchWriteResult> WriteAsync(IReadOnlyList<JsonElement> records, Func<BatchWriteResult, ImportRunState> stateAfter, CancellationToken cancellationToken);

    /// <summary>Makes the run's data visible (replace: swap), moves the checkpoint, forgets the run state.</summary>
    Task CompleteAsync(ImportRunState finalState, DateTimeOffset checkpoint, CancellationToken cancellationToken);
}

public sealed record DatasetTarget(string Dataset, ImportMethod Method, IReadOnlyList<string> IdKeys, string RunId);

public sealed record BatchWriteResult(int Inserted, int Updated, int Unchanged)
{
    public static BatchWriteResult None { get; } = new(0, 0, 0);
}

public sealed record DatasetInfo(string Name, long Records, DateTimeOffset? Checkpoint, bool HasUnfinishedRun);
