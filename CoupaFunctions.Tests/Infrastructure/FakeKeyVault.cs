using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>
/// Key Vault's secrets REST API as the real <c>SecretClient</c> sees it, as the primary handler of the named
/// HttpClient "KeyVault": an unauthenticated first call gets Key Vault's 401 bearer challenge, a call with the
/// fake credential's token gets the secret (200) or SecretNotFound (404), and a PUT sets one. Records which secrets were read and written.
/// </summary>
public sealed class FakeKeyVault : HttpMessageHandler
{
    public const string VaultUri = "https://fake.vault.azure.net/";

    private const string Challenge = "Bearer authorization=\"https://login.microsoftonline.com/tenant\", resource=\"https://vault.azure.net\"";

    public ConcurrentDictionary<string, string> Secrets { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Names of secrets asked for with a valid token, in order.</summary>
    public ConcurrentQueue<string> Reads { get; } = new();

    /// <summary>Unauthenticated calls answered with the challenge (SecretClient caches a challenge per vault host process-wide).</summary>
    public int Challenges;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: FakeAzureCredential.AccessToken })
        {
            Interlocked.Increment(ref Challenges);
            var refused = Json(HttpStatusCode.Unauthorized, Error("Unauthorized", "AKV10000: Request is missing a Bearer or PoP token."));
            refused.Headers.TryAddWithoutValidation("WWW-Authenticate", Challenge);
            return Task.FromResult(refused);
        }
        var segments = request.RequestUri!.AbsolutePath.Trim('/').Split('/');
        if (request.Method == HttpMethod.Put && segments is ["secrets", var written])
            return SetAsync(written, request, cancellationToken);
        if (request.Method != HttpMethod.Get || segments.Length < 2 || segments[0] != "secrets")
            return Task.FromResult(Json(HttpStatusCode.BadRequest, Error("BadParameter", "The fake serves GET and PUT /secrets/{name} only.")));
        var name = segments[1];
        Reads.Enqueue(name);
        return Task.FromResult(Secrets.TryGetValue(name, out var value)
            ? Json(HttpStatusCode.OK, new JsonObject
            {
                ["value"] = value,
                ["id"] = $"{VaultUri}secrets/{name}/0123456789abcdef0123456789abcdef",
                ["attributes"] = new JsonObject { ["enabled"] = true, ["created"] = 1_700_000_000, ["updated"] = 1_700_000_000, ["recoveryLevel"] = "Recoverable+Purgeable" },
            })
            : Json(HttpStatusCode.NotFound, Error("SecretNotFound", $"A secret with (name/id) {name} was not found in this key vault.")));
    }

    /// <summary>Names of secrets written (SetSecret: PUT with <c>{"value":…}</c>), in order.</summary>
    public ConcurrentQueue<string> Writes { get; } = new();

    private async Task<HttpResponseMessage> SetAsync(string name, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(await request.Content!.ReadAsStringAsync(cancellationToken))!;
        Secrets[name] = (string)body["value"]!;
        Writes.Enqueue(name);
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["value"] = Secrets[name],
            ["id"] = $"{VaultUri}secrets/{name}/{Guid.NewGuid():N}",
            ["attributes"] = new JsonObject { ["enabled"] = true, ["created"] = 1_700_000_000, ["updated"] = 1_700_000_000, ["recoveryLevel"] = "Recoverable+Purgeable" },
        });
    }

    private static JsonObject Error(string code, string message) => new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private static HttpResponseMessage Json(HttpStatusCode status, JsonObject body) =>
        new(status) { Content = new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json") };
}
