using System.Text.Json.Nodes;

namespace RossumFake.DataStorage;

/// <summary>
/// <c>{"a":1}</c> keeps <c>a</c> (and <c>_id</c> unless <c>"_id":0</c>); <c>{"a":0}</c> drops <c>a</c>. A dotted inclusion
/// keeps its whole top-level field: more than Mongo returns, never less.
/// </summary>
public static class MongoProjection
{
    public static JsonObject Apply(JsonObject document, JsonObject? projection)
    {
        var copy = (JsonObject)document.DeepClone();
        if (projection is null || projection.Count == 0) return copy;
        var included = projection.Where(p => p.Key != "_id" && IsOn(p.Value)).Select(p => p.Key.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var keepId = !projection.TryGetPropertyValue("_id", out var id) || IsOn(id);
        if (included.Count > 0)
        {
            foreach (var name in copy.Select(p => p.Key).ToList())
                if (!included.Contains(name) && !(name == "_id" && keepId)) copy.Remove(name);
            return copy;
        }
        foreach (var (field, on) in projection)
            if (!IsOn(on)) copy.Remove(field);
        return copy;
    }

    private static bool IsOn(JsonNode? value) => value?.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.False => false,
        System.Text.Json.JsonValueKind.Number => JsonValues.Number(value) != 0,
        _ => true,
    };
}
