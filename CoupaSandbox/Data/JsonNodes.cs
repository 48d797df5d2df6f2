using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoupaSandbox.Data;

/// <summary>Stored values are kept as <see cref="JsonElement"/>s: immutable and safe to read from many request threads,
/// whereas a shared JsonNode tree is neither. Every read materialises a fresh, parentless node.</summary>
internal static class JsonNodes
{
    public static JsonElement ToElement(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    public static JsonNode? ToNode(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(element),
        JsonValueKind.Array => JsonArray.Create(element),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(element),
    };

    /// <summary>Copies a node that may belong to another tree, so it can be attached elsewhere.</summary>
    public static JsonNode? Copy(JsonNode? node) => node?.Parent is null ? node : node.DeepClone();

    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static long? AsLong(JsonNode? node)
    {
        if (node is not JsonValue value)
            return null;
        if (value.TryGetValue<long>(out var l))
            return l;
        if (value.TryGetValue<int>(out var i))
            return i;
        if (value.TryGetValue<JsonElement>(out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out var el))
            return el;
        return null;
    }
}
