using System.Text.Json;
using System.Text.Json.Nodes;

namespace RossumFake.DataStorage;

/// <summary>One authenticated Data Storage request: its organisation's database and its JSON body, read strictly.</summary>
public sealed class FakeCall(string organisation, FakeDatabase database, JsonObject body)
{
    public string Organisation => organisation;

    public FakeDatabase Database => database;

    /// <summary>Validation errors are 422, as the service's request validation answers.</summary>
    public string String(string name) =>
        body[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : throw Invalid(name, "a string");

    public JsonObject? Object(string name) => body[name] switch
    {
        null => null,
        JsonObject o => o,
        _ => throw Invalid(name, "an object"),
    };

    public JsonObject RequiredObject(string name) => Object(name) ?? throw Invalid(name, "an object");

    public JsonArray Array(string name) => body[name] as JsonArray ?? throw Invalid(name, "a list");

    public bool Bool(string name, bool fallback) => body[name]?.GetValueKind() switch
    {
        null or JsonValueKind.Null => fallback,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Invalid(name, "a boolean"),
    };

    public int Int(string name, int fallback) => body[name] switch
    {
        null => fallback,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => (int)JsonValues.Number(v),
        _ => throw Invalid(name, "an integer"),
    };

    /// <summary>find takes <c>query</c> and the delete calls <c>filter</c>; the wrong one is a 422 on the real service.</summary>
    public void Refuse(string wrongKey, string rightKey)
    {
        if (body.ContainsKey(wrongKey) && !body.ContainsKey(rightKey))
            throw new FakeApiException(422, $"{wrongKey}: extra field not permitted (this endpoint takes '{rightKey}')");
    }

    private static FakeApiException Invalid(string name, string what) => new(422, $"{name}: must be {what}");
}
