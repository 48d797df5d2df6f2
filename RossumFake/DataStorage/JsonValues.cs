using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RossumFake.DataStorage;

/// <summary>Mongo's view of JSON values, as far as the fake needs it: numbers by value, a missing field as null.</summary>
public static class JsonValues
{
    public static bool AreEqual(JsonNode? a, JsonNode? b)
    {
        if (a is JsonValue x && b is JsonValue y && x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number)
            return Number(x) == Number(y);
        return JsonNode.DeepEquals(a, b);
    }

    /// <summary>Mongo's cross-type order, simplified: null, numbers, strings, objects, arrays, booleans.</summary>
    public static int Compare(JsonNode? a, JsonNode? b)
    {
        var (rankA, rankB) = (Rank(a), Rank(b));
        if (rankA != rankB) return rankA.CompareTo(rankB);
        return (a, b) switch
        {
            (JsonValue x, JsonValue y) when rankA == 1 => Number(x).CompareTo(Number(y)),
            (JsonValue x, JsonValue y) when rankA == 2 => string.CompareOrdinal(x.GetValue<string>(), y.GetValue<string>()),
            (JsonValue x, JsonValue y) when rankA == 5 => (x.GetValueKind() == JsonValueKind.True).CompareTo(y.GetValueKind() == JsonValueKind.True),
            _ => string.CompareOrdinal(a?.ToJsonString(), b?.ToJsonString()),
        };
    }

    /// <summary>By its JSON text, which works whatever .NET type the node was made from.</summary>
    public static decimal Number(JsonNode node) => decimal.Parse(node.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The value at a dotted path (<c>supplier.id</c>), or null when any part is missing.</summary>
    public static JsonNode? At(JsonObject document, string path)
    {
        JsonNode? current = document;
        foreach (var part in path.Split('.'))
            current = current is JsonObject o && o.TryGetPropertyValue(part, out var next) ? next : null;
        return current;
    }

    private static int Rank(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => 0,
        JsonValueKind.Number => 1,
        JsonValueKind.String => 2,
        JsonValueKind.Object => 3,
        JsonValueKind.Array => 4,
        _ => 5,
    };
}
