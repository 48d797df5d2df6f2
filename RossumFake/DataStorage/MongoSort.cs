using System.Text.Json.Nodes;

namespace RossumFake.DataStorage;

/// <summary><c>{"field": 1 | -1, …}</c> in order; natural (insertion) order when absent.</summary>
public static class MongoSort
{
    public static IEnumerable<JsonObject> Apply(IEnumerable<JsonObject> documents, JsonObject? sort)
    {
        if (sort is null || sort.Count == 0) return documents;
        var keys = sort.Select(p => (Field: p.Key, Direction: p.Value is not null && JsonValues.Number(p.Value) < 0 ? -1 : 1)).ToList();
        return documents.Order(Comparer<JsonObject>.Create((a, b) =>
        {
            foreach (var (field, direction) in keys)
            {
                var order = JsonValues.Compare(JsonValues.At(a, field), JsonValues.At(b, field));
                if (order != 0) return order * direction;
            }
            return 0;
        }));
    }
}
