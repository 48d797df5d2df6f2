using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage.Wire;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// The production data hub: Rossum Data Storage, where Master Data Hub datasets live, one collection per dataset
/// holding the records as Coupa returned them (hyphenated keys). Checkpoints and unfinished runs live in one
/// state collection (<see cref="RossumRunStateStore"/>), written after each batch's data, since Data Storage
/// cannot write both atomically: a crash repeats a batch, which upserts make harmless, rather than losing one.
/// A <c>replace</c> fills <c>&lt;dataset&gt;__staging_&lt;run id&gt;</c> and renames it over the dataset in one step.
/// </summary>
public sealed class RossumDataStorageHub : IDataHub
{
    public const string StagingMarker = "__staging_";

    private readonly RossumDataStorageClient _client;
    private readonly RossumDataStorageOptions _options;
    private readonly ILogger<RossumDataStorageHub> _logger;

    public RossumDataStorageHub(RossumDataStorageClient client, RossumDataStorageOptions options, ILogger<RossumDataStorageHub> logger)
    {
        _client = client;
        _options = options;
        _logger = logger;
        State = new RossumRunStateStore(client, options.StateCollection);
    }

    public string Description => $"rossum:{_client.BaseUrl.GetLeftPart(UriPartial.Authority)}";

    public RossumRunStateStore State { get; }

    public static string StagingCollection(string dataset, string runId) => $"{dataset}{StagingMarker}{runId}";

    public Task<DateTimeOffset?> GetCheckpointAsync(string dataset, CancellationToken cancellationToken) => State.GetCheckpointAsync(dataset, cancellationToken);

    public Task<ImportRunState?> GetUnfinishedRunAsync(string dataset, CancellationToken cancellationToken) => State.GetUnfinishedRunAsync(dataset, cancellationToken);

    public async Task<IDatasetWriter> OpenWriterAsync(DatasetTarget target, bool resume, CancellationToken cancellationToken)
    {
        if (target.Method != ImportMethod.Replace)
            return new RossumDatasetWriter(_client, State, target, target.Dataset, swapped: false, _options, _logger);

        var staging = StagingCollection(target.Dataset, target.RunId);
        var names = await _client.ListCollectionNamesAsync(cancellationToken);
        var swapped = false;
        if (!resume)
        {
            // Leftovers of runs that were abandoned (settings changed) would otherwise stay forever.
            foreach (var leftover in names.Where(n => n.StartsWith(target.Dataset + StagingMarker, StringComparison.Ordinal)))
                await _client.DropCollectionAsync(leftover, cancellationToken);
            // Created up front so an empty run still has something to swap in: replace of nothing is an empty dataset.
            await _client.CreateCollectionAsync(staging, cancellationToken);
        }
        else if (!names.Contains(staging))
        {
            swapped = await StagingWasSwappedInAsync(target, cancellationToken);
        }
        return new RossumDatasetWriter(_client, State, target, staging, swapped, _options, _logger);
    }

    /// <summary>
    /// A resumed replace whose staging collection is gone: the rename happened and the process stopped before the
    /// checkpoint was saved (the run had read everything). Any other case cannot be resumed without losing data.
    /// </summary>
    private async Task<bool> StagingWasSwappedInAsync(DatasetTarget target, CancellationToken cancellationToken)
    {
        if (await State.GetUnfinishedRunAsync(target.Dataset, cancellationToken) is { Ranges.Count: 0 } run && run.RunId == target.RunId)
        {
            _logger.LogWarning("Replace {RunId} of {Dataset}: staging collection already swapped in; completing the run", target.RunId, target.Dataset);
            return true;
        }
        await State.ForgetRunAsync(target.Dataset, cancellationToken);
        throw new IntegrationException(FailureKind.Transient,
            $"The staging collection {StagingCollection(target.Dataset, target.RunId)} of unfinished replace {target.RunId} of {target.Dataset} is gone; its state is discarded and the next run starts over.");
    }

    public Task<long> CountAsync(string dataset, CancellationToken cancellationToken) => _client.CountAsync(dataset, cancellationToken);

    /// <summary>Pages by skip/limit in <c>_id</c> order, without the <c>_id</c>: records as Coupa returned them.</summary>
    public async IAsyncEnumerable<JsonElement> ReadAllAsync(string dataset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var skip = 0; ; skip += _options.ReadPageSize)
        {
            var page = await _client.FindAsync(new FindRequest(dataset, new JsonObject(), new JsonObject { ["_id"] = 0 }, skip, _options.ReadPageSize,
                new JsonObject { ["_id"] = 1 }), cancellationToken);
            foreach (var record in page) yield return record;
            if (page.Count < _options.ReadPageSize) yield break;
        }
    }

    /// <summary>Every collection of the organisation except the state collection and staging copies.</summary>
    public async Task<IReadOnlyList<DatasetInfo>> ListDatasetsAsync(CancellationToken cancellationToken)
    {
        var names = (await _client.ListCollectionNamesAsync(cancellationToken))
            .Where(n => n != _options.StateCollection && !n.Contains(StagingMarker, StringComparison.Ordinal) && !n.StartsWith("system.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var states = await State.ReadAllAsync(cancellationToken);
        var result = new List<DatasetInfo>();
        foreach (var name in names)
        {
            var (checkpoint, unfinished) = states.GetValueOrDefault(name);
            result.Add(new DatasetInfo(name, await CountAsync(name, cancellationToken), checkpoint, unfinished));
        }
        return result;
    }
}
