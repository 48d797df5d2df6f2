using System.Text.Json.Nodes;

namespace CoupaSandbox.Admin;

/// <summary>
/// OAuth clients as JSON for the admin endpoints: <c>{"clientId","scopes","grantTypes"}</c> out (never the secret),
/// <c>{"secret","scopes","grantTypes"}</c> in. Absent <c>scopes</c> grants none, absent <c>grantTypes</c> means
/// client credentials, as a new Coupa client would have only what its set-up page ticks.
/// </summary>
internal static class ClientSettings
{
    public static JsonObject ToJson(SandboxClient client) => new()
    {
        ["clientId"] = client.ClientId,
        ["scopes"] = new JsonArray([.. client.Scopes.Select(s => (JsonNode?)s)]),
        ["grantTypes"] = new JsonArray([.. client.GrantTypes.Select(g => (JsonNode?)g)]),
    };

    public static SandboxClient Parse(string clientId, JsonObject body)
    {
        if (string.IsNullOrWhiteSpace(clientId))
            throw new FormatException("the client id in the path is empty");
        string secret = body["secret"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : throw new FormatException("'secret' must be a non-empty string");
        return new SandboxClient(clientId, secret, Strings(body, "scopes") ?? [])
        {
            GrantTypes = Strings(body, "grantTypes") ?? [SandboxClient.ClientCredentialsGrant],
        };
    }

    private static string[]? Strings(JsonObject body, string key) => body[key] switch
    {
        null => null,
        JsonArray items => [.. items.Select(i => i is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new FormatException($"'{key}' must be an array of strings"))],
        _ => throw new FormatException($"'{key}' must be an array of strings"),
    };
}
