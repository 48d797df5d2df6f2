using System.Text.Json.Nodes;
using CoupaSandbox.Data;

namespace CoupaSandbox.Query;

/// <summary>Shapes documents for <c>fields</c>, <c>return_object=limited</c> and <c>return_object=shallow</c>.
/// Keys always come out hyphenated, whatever spelling was requested.</summary>
internal static class Projector
{
    /// <summary>What "shallow" keeps of an association: its id and natural keys.</summary>
    private static readonly HashSet<string> NaturalKeys = new(StringComparer.Ordinal)
    {
        "id", "name", "code", "number", "login", "email", "po-number", "remit-to-code", "invoice-number", "line-num", "location-code", "external-ref-code",
    };

    public static JsonObject Fields(in RecordView view, FieldSelection selection)
    {
        var result = new JsonObject();
        foreach (var request in selection.Items)
        {
            if (result.ContainsKey(request.Name) || !view.HasField(request.Name))
                continue; // unknown names are ignored, as Coupa does
            result[request.Name] = Shape(view.Get(request.Name), request);
        }
        return result;
    }

    public static JsonObject Limited(long id) => new() { ["id"] = id };

    public static JsonObject Shallow(JsonObject full)
    {
        var result = new JsonObject();
        foreach (var (key, value) in full)
        {
            result[key] = value switch
            {
                JsonObject obj when key == "custom-fields" => obj.DeepClone(),
                JsonObject obj => Keys(obj),
                JsonArray list => new JsonArray([.. list.Select(e => e is JsonObject o ? Keys(o) : e?.DeepClone())]),
                _ => value?.DeepClone(),
            };
        }
        return result;
    }

    private static JsonObject Keys(JsonObject association)
    {
        var result = new JsonObject();
        foreach (var (key, value) in association)
        {
            if (NaturalKeys.Contains(key) && value is not JsonObject and not JsonArray)
                result[key] = value?.DeepClone();
        }
        return result;
    }

    private static JsonNode? Shape(JsonNode? value, FieldRequest request) => request.Mode switch
    {
        NestedMode.Whole => JsonNodes.Copy(value),
        NestedMode.IdOnly => Map(value, obj => obj.TryGetPropertyValue("id", out var id) ? new JsonObject { ["id"] = id?.DeepClone() } : new JsonObject()),
        _ => Map(value, obj => Select(obj, request.Nested!)),
    };

    /// <summary>Applies an object projection to an object, or to each element of a list (e.g. order-lines).</summary>
    private static JsonNode? Map(JsonNode? value, Func<JsonObject, JsonObject> project) => value switch
    {
        JsonObject obj => project(obj),
        JsonArray list => new JsonArray([.. list.Select(e => e is JsonObject o ? project(o) : e?.DeepClone())]),
        _ => JsonNodes.Copy(value),
    };

    private static JsonObject Select(JsonObject source, FieldSelection selection)
    {
        var result = new JsonObject();
        foreach (var request in selection.Items)
        {
            if (!result.ContainsKey(request.Name) && source.TryGetPropertyValue(request.Name, out var value))
                result[request.Name] = Shape(value, request);
        }
        return result;
    }
}
