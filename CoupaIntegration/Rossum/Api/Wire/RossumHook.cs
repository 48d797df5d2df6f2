using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.Api.Wire;

/// <summary>
/// A hook as <c>GET /hooks</c> shows it (field names as in the CIB hook exports): <c>url</c> is the hook's own API
/// address, the webhook target is <c>config.url</c>. <c>secrets</c> is write-only and never comes back (VERIFIED);
/// whether <c>config.secret</c> does is not settled, so readers must cope with it missing.
/// </summary>
public sealed record RossumHook(
    long Id,
    string? Name,
    string? Url,
    string? Type,
    bool? Active,
    IReadOnlyList<string>? Events,
    IReadOnlyList<string>? Queues,
    JsonObject? Config,
    JsonObject? Settings,
    JsonObject? SecretsSchema,
    JsonObject? Metadata,
    string? TokenOwner,
    int? TokenLifetimeS)
{
    /// <summary>A top-level field as JSON, by its wire name, for comparing with what an installer wants there.</summary>
    public JsonNode? Field(string name) => name switch
    {
        "name" => Name,
        "type" => Type,
        "active" => Active,
        "events" => Events is null ? null : new JsonArray(Events.Select(e => (JsonNode?)e).ToArray()),
        "queues" => Queues is null ? null : new JsonArray(Queues.Select(q => (JsonNode?)q).ToArray()),
        "config" => Config,
        "settings" => Settings,
        "secrets_schema" => SecretsSchema,
        "metadata" => Metadata,
        "token_owner" => TokenOwner,
        "token_lifetime_s" => TokenLifetimeS,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not a hook field this product reads."),
    };
}
