using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoupaSandbox.Query;

/// <summary>The parsed <c>fields</c> parameter (coupa.md §3): a JSON array of names, where a one-key object selects
/// attributes of an association. Names may use hyphens or underscores.</summary>
internal sealed class FieldSelection(IReadOnlyList<FieldRequest> items)
{
    public IReadOnlyList<FieldRequest> Items => items;

    public static FieldSelection Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            throw new QueryException($"Invalid 'fields' parameter: not a JSON array: {json}");
        }
        return root is JsonArray array ? FromArray(array) : throw new QueryException($"Invalid 'fields' parameter: expected a JSON array: {json}");
    }

    private static FieldSelection FromArray(JsonArray array)
    {
        var items = new List<FieldRequest>();
        foreach (var item in array)
        {
            if (item is JsonValue value && value.TryGetValue<string>(out var name))
            {
                items.Add(new FieldRequest(Names.Hyphenate(name), NestedMode.Whole, null));
                continue;
            }
            if (item is not JsonObject obj)
                continue; // unknown shapes are ignored, like unknown names
            foreach (var (key, spec) in obj)
            {
                items.Add(spec switch
                {
                    JsonArray { Count: 0 } => new FieldRequest(Names.Hyphenate(key), NestedMode.IdOnly, null),
                    JsonArray nested => new FieldRequest(Names.Hyphenate(key), NestedMode.Select, FromArray(nested)),
                    _ => new FieldRequest(Names.Hyphenate(key), NestedMode.Whole, null),
                });
            }
        }
        return new FieldSelection(items);
    }
}
