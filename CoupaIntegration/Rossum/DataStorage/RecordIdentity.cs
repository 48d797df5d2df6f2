using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// The id keys of a dataset as Data Storage filters see them: the field paths as they are spelled in the stored
/// records (Coupa's hyphens, dots into nested objects), e.g. <c>id_keys ["id"]</c> → filter <c>{"id": 123}</c>.
/// </summary>
public sealed class RecordIdentity
{
    private readonly IReadOnlyList<string> _idKeys;

    private RecordIdentity(IReadOnlyList<string> idKeys, IReadOnlyList<string> paths)
    {
        _idKeys = idKeys;
        Paths = paths;
    }

    /// <summary>Stored field paths, in id-key order.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Resolves the spelling from a sample record; Coupa gives every record of an endpoint the same shape.</summary>
    public static RecordIdentity Of(JsonElement sample, IReadOnlyList<string> idKeys) =>
        new(idKeys, idKeys.Select(key => ResolvePath(sample, key)).ToList());

    /// <summary>The record's identity as a compact JSON array, the same key the SQLite hub uses.</summary>
    public string KeyOf(JsonElement record) => RecordKey.Of(record, _idKeys);

    /// <summary><c>{"id": 123}</c>: matches exactly this record's stored copy.</summary>
    public JsonObject FilterFor(JsonElement record)
    {
        var filter = new JsonObject();
        for (var i = 0; i < Paths.Count; i++) filter[Paths[i]] = JsonValueOf(record, _idKeys[i]);
        return filter;
    }

    /// <summary>
    /// <c>{"id": {"$in": [1, 2, …]}}</c>: finds the stored copies of these records. With several keys each gets
    /// its own <c>$in</c>, a superset that callers narrow down by <see cref="KeyOf"/>.
    /// </summary>
    public JsonObject LookupQuery(IEnumerable<JsonElement> records)
    {
        var values = Paths.Select(_ => new Dictionary<string, JsonNode?>(StringComparer.Ordinal)).ToList();
        foreach (var record in records)
            for (var i = 0; i < Paths.Count; i++)
            {
                var value = JsonValueOf(record, _idKeys[i]);
                values[i].TryAdd(value!.ToJsonString(), value);
            }
        var query = new JsonObject();
        for (var i = 0; i < Paths.Count; i++) query[Paths[i]] = new JsonObject { ["$in"] = new JsonArray([.. values[i].Values]) };
        return query;
    }

    /// <summary><c>{"id": 1}</c>: returns only what <see cref="KeyOf"/> needs.</summary>
    public JsonObject KeyProjection()
    {
        var projection = new JsonObject { ["_id"] = 0 };
        foreach (var path in Paths) projection[path] = 1;
        return projection;
    }

    private static JsonNode? JsonValueOf(JsonElement record, string idKey) =>
        RecordKey.Find(record, idKey) is { } value
            ? JsonNode.Parse(value.GetRawText())
            : throw new IntegrationException(FailureKind.Configuration, $"A Coupa record has no value for id key '{idKey}'; check import_config.id_keys and query.fields.");

    /// <summary>Each part as <see cref="RecordKey.Find"/> reads it: the hyphenated spelling when the record has it.</summary>
    private static string ResolvePath(JsonElement sample, string idKey)
    {
        var parts = new List<string>();
        var current = sample;
        foreach (var part in idKey.Split('.'))
        {
            var hyphenated = part.Replace('_', '-');
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(hyphenated, out var next)) parts.Add(hyphenated);
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(part, out next)) parts.Add(part);
            else throw new IntegrationException(FailureKind.Configuration, $"A Coupa record has no value for id key '{idKey}'; check import_config.id_keys and query.fields.");
            current = next;
        }
        return string.Join('.', parts);
    }
}
