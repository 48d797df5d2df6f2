using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage.Wire;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Writes one run's batches to Data Storage, data first and then the run state. Before writing, the batch's
/// stored copies are looked up by id keys (one <c>find</c> with <c>$in</c>) so each record is counted as
/// inserted, updated or unchanged (same content ignoring <c>_id</c>), and unchanged records are not written
/// at all. A concurrent writer between lookup and write could make a count wrong, never the data.
/// </summary>
internal sealed class RossumDatasetWriter(
    RossumDataStorageClient client, RossumRunStateStore state, DatasetTarget target, string collection, bool swapped,
    RossumDataStorageOptions options, ILogger logger) : IDatasetWriter
{
    public async Task<BatchWriteResult> WriteAsync(IReadOnlyList<JsonElement> records, Func<BatchWriteResult, ImportRunState> stateAfter, CancellationToken cancellationToken)
    {
        var result = BatchWriteResult.None;
        foreach (var chunk in records.Chunk(options.MaxDocumentsPerRequest))
        {
            var written = target.Method == ImportMethod.Insert ? await InsertAsync(chunk, cancellationToken) : await UpsertAsync(chunk, cancellationToken);
            result = new BatchWriteResult(result.Inserted + written.Inserted, result.Updated + written.Updated, result.Unchanged + written.Unchanged);
        }
        await state.SaveRunAsync(stateAfter(result), cancellationToken);
        logger.LogDebug("Run {RunId}: wrote {Records} records to {Collection}: {Inserted} inserted, {Updated} updated, {Unchanged} unchanged",
            target.RunId, records.Count, collection, result.Inserted, result.Updated, result.Unchanged);
        return result;
    }

    public async Task CompleteAsync(ImportRunState finalState, DateTimeOffset checkpoint, CancellationToken cancellationToken)
    {
        if (target.Method == ImportMethod.Replace && !swapped)
        {
            // Mongo's renameCollection with dropTarget: readers see the old dataset until it happens, then the new one whole.
            await client.RenameCollectionAsync(collection, target.Dataset, dropTarget: true, cancellationToken);
            logger.LogInformation("Replace {RunId}: swapped {Staging} in as {Dataset}", target.RunId, collection, target.Dataset);
        }
        await state.CompleteAsync(target.Dataset, checkpoint, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>update and replace: <c>replaceOne</c> with <c>upsert</c>, filtered by the id keys' values.</summary>
    private async Task<BatchWriteResult> UpsertAsync(IReadOnlyList<JsonElement> records, CancellationToken cancellationToken)
    {
        var identity = RecordIdentity.Of(records[0], target.IdKeys);
        var stored = await FindStoredAsync(identity, records, projection: null, cancellationToken);
        var latest = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        int inserted = 0, updated = 0, unchanged = 0;
        foreach (var record in records)
        {
            var key = identity.KeyOf(record);
            // Within a batch a later copy of a key is compared with the earlier one, as the SQLite hub does.
            var before = latest.TryGetValue(key, out var earlier) ? earlier : stored.TryGetValue(key, out var copy) ? copy : (JsonElement?)null;
            if (before is null) inserted++;
            else if (StoredDocuments.SameContent(before.Value, record)) { unchanged++; continue; }
            else updated++;
            latest[key] = record;
        }
        var operations = latest.Values
            .Select(r => new BulkWriteOperation(new ReplaceOneModel(identity.FilterFor(r), JsonObject.Create(r)!, Upsert: true)))
            .ToList();
        if (operations.Count > 0) await client.BulkWriteAsync(collection, operations, cancellationToken);
        return new BatchWriteResult(inserted, updated, unchanged);
    }

    /// <summary>
    /// insert: present keys are left as they are. Each document's <c>_id</c> is its key, so an insert repeated by a
    /// retry after it took effect fails with "batch op errors" instead of duplicating; the batch is then looked up
    /// again and only what is still missing is inserted.
    /// </summary>
    private async Task<BatchWriteResult> InsertAsync(IReadOnlyList<JsonElement> records, CancellationToken cancellationToken)
    {
        if (target.IdKeys.Count == 0)
        {
            // Without id keys nothing identifies a record: every one is new (as Rossum's insert method has it).
            await client.InsertManyAsync(collection, records.Select(r => (JsonNode)JsonObject.Create(r)!).ToList(), cancellationToken);
            return new BatchWriteResult(records.Count, 0, 0);
        }
        var identity = RecordIdentity.Of(records[0], target.IdKeys);
        var fresh = records.DistinctBy(identity.KeyOf).ToList();
        HashSet<string>? attempted = null;
        for (var attempt = 1; ; attempt++)
        {
            var present = await FindStoredAsync(identity, fresh, identity.KeyProjection(), cancellationToken);
            var missing = fresh.Where(r => !present.ContainsKey(identity.KeyOf(r))).ToList();
            try
            {
                if (missing.Count > 0) await client.InsertManyAsync(collection, missing.Select(r => WithId(r, identity.KeyOf(r))).ToList(), cancellationToken);
                // What the refused attempt did insert is now present: it was this batch's doing, so it counts as inserted.
                var inserted = missing.Count + (attempted?.Count(present.ContainsKey) ?? 0);
                return new BatchWriteResult(inserted, 0, records.Count - inserted);
            }
            catch (DataStorageRequestException e) when (e.StatusCode == HttpStatusCode.BadRequest && attempt == 1)
            {
                attempted = missing.Select(identity.KeyOf).ToHashSet(StringComparer.Ordinal);
                logger.LogWarning("Run {RunId}: insert into {Collection} met documents already present ({Reason}); looking the batch up again",
                    target.RunId, collection, e.Message);
            }
        }
    }

    private async Task<Dictionary<string, JsonElement>> FindStoredAsync(RecordIdentity identity, IReadOnlyList<JsonElement> records, JsonObject? projection,
        CancellationToken cancellationToken)
    {
        var found = await client.FindAsync(new FindRequest(collection, identity.LookupQuery(records), projection), cancellationToken);
        var byKey = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var doc in found) byKey.TryAdd(identity.KeyOf(doc), doc);
        return byKey;
    }

    private static JsonNode WithId(JsonElement record, string key)
    {
        var document = new JsonObject { ["_id"] = key };
        foreach (var property in record.EnumerateObject())
            if (!property.NameEquals("_id")) document[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        return document;
    }
}
