using System.Text.Json.Nodes;

namespace RossumFake.Hooks;

/// <summary>A hook as the fake keeps it: its fields as set (without <c>id</c>/<c>url</c>) and its write-only secrets apart.</summary>
public sealed class FakeHook(long id, string organisation, JsonObject fields, JsonObject? secrets)
{
    public long Id { get; } = id;
    public string Organisation { get; } = organisation;
    public JsonObject Fields { get; set; } = fields;
    public JsonObject? Secrets { get; set; } = secrets;

    public IReadOnlyList<string> Events => (Fields["events"] as JsonArray)?.Select(e => e?.ToString() ?? "").ToList() ?? [];

    public string? ConfigString(string key) => Fields["config"]?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public int? TokenLifetimeSeconds => Fields["token_lifetime_s"] is JsonValue v && v.TryGetValue<int>(out var n) ? n : null;

    public string? TokenOwner => Fields["token_owner"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
