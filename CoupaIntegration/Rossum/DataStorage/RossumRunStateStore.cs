using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage.Wire;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Checkpoints and unfinished run state in one collection per organisation, one document per (kind, dataset):
/// <c>{"kind":"checkpoint","dataset":…,"last_success_start":…}</c> and <c>{"kind":"run","dataset":…,"state":{…}}</c>.
/// The state is stored as an object, not a string, so a person can read it in Data Storage.
/// </summary>
public sealed class RossumRunStateStore(RossumDataStorageClient client, string collection)
{
    public const string CheckpointKind = "checkpoint";
    public const string RunKind = "run";

    private static readonly JsonSerializerOptions StateJson = new(JsonSerializerDefaults.Web);

    public string Collection => collection;

    public async Task<DateTimeOffset?> GetCheckpointAsync(string dataset, CancellationToken cancellationToken) =>
        await FindOneAsync(CheckpointKind, dataset, cancellationToken) is { } doc ? ReadCheckpoint(doc) : null;

    public async Task<ImportRunState?> GetUnfinishedRunAsync(string dataset, CancellationToken cancellationToken) =>
        await FindOneAsync(RunKind, dataset, cancellationToken) is { } doc ? ReadRun(doc) : null;

    public Task SaveRunAsync(ImportRunState state, CancellationToken cancellationToken) =>
        client.ReplaceOneAsync(collection, Key(RunKind, state.Dataset), new JsonObject
        {
            ["kind"] = RunKind,
            ["dataset"] = state.Dataset,
            ["run_id"] = state.RunId,
            ["saved_at"] = Now(),
            ["state"] = JsonSerializer.SerializeToNode(state, StateJson),
        }, upsert: true, cancellationToken);

    /// <summary>Checkpoint first, then the run state goes: a crash in between only repeats an empty completion.</summary>
    public async Task CompleteAsync(string dataset, DateTimeOffset checkpoint, CancellationToken cancellationToken)
    {
        await client.ReplaceOneAsync(collection, Key(CheckpointKind, dataset), new JsonObject
        {
            ["kind"] = CheckpointKind,
            ["dataset"] = dataset,
            ["last_success_start"] = checkpoint.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ["completed_at"] = Now(),
        }, upsert: true, cancellationToken);
        await ForgetRunAsync(dataset, cancellationToken);
    }

    public Task ForgetRunAsync(string dataset, CancellationToken cancellationToken) =>
        client.DeleteManyAsync(collection, Key(RunKind, dataset), cancellationToken);

    /// <summary>Every dataset's checkpoint and whether it has an unfinished run, in one read.</summary>
    public async Task<IReadOnlyDictionary<string, (DateTimeOffset? Checkpoint, bool HasUnfinishedRun)>> ReadAllAsync(CancellationToken cancellationToken)
    {
        var docs = await client.FindAsync(new FindRequest(collection, new JsonObject(), new JsonObject { ["_id"] = 0, ["state"] = 0 }), cancellationToken);
        var result = new Dictionary<string, (DateTimeOffset?, bool)>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            if (!doc.TryGetProperty("dataset", out var name) || name.ValueKind != JsonValueKind.String) continue;
            var (checkpoint, unfinished) = result.GetValueOrDefault(name.GetString()!);
            switch (doc.TryGetProperty("kind", out var kind) ? kind.GetString() : null)
            {
                case CheckpointKind: checkpoint = ReadCheckpoint(doc); break;
                case RunKind: unfinished = true; break;
            }
            result[name.GetString()!] = (checkpoint, unfinished);
        }
        return result;
    }

    private async Task<JsonElement?> FindOneAsync(string kind, string dataset, CancellationToken cancellationToken)
    {
        var docs = await client.FindAsync(new FindRequest(collection, Key(kind, dataset), new JsonObject { ["_id"] = 0 }, Limit: 1), cancellationToken);
        return docs.Count > 0 ? docs[0] : null;
    }

    private static JsonObject Key(string kind, string dataset) => new() { ["kind"] = kind, ["dataset"] = dataset };

    private static DateTimeOffset? ReadCheckpoint(JsonElement doc) =>
        doc.TryGetProperty("last_success_start", out var value) && value.ValueKind == JsonValueKind.String
            ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;

    private static ImportRunState? ReadRun(JsonElement doc) =>
        doc.TryGetProperty("state", out var state) && state.ValueKind == JsonValueKind.Object
            ? state.Deserialize<ImportRunState>(StateJson)
            : null;

    private static string Now() => DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
}
