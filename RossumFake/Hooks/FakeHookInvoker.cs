using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RossumFake.Hooks;

/// <summary>
/// <c>POST /api/v1/hooks/{id}/invoke</c> for real: the <c>invocation.manual</c> payload Rossum documents (request_id,
/// timestamp, hook, action, event, settings, secrets, base_url, rossum_authorization_token, plus the body's keys at
/// top level), signed with <c>X-Rossum-Signature-SHA256: sha256=HMAC(config.secret, body)</c> when the hook has a
/// secret, POSTed to <c>config.url</c>. The token lives 10 minutes or until the hook answers, then
/// <c>token_lifetime_s</c> more (VERIFIED). The hook's answer comes back: a JSON 2xx as it is (status and body; the
/// Location header is not passed on, which is not documented either way), anything else as a 400 naming it.
/// </summary>
public sealed class FakeHookInvoker(FakeHooks hooks, FakeTokens tokens, IHttpClientFactory httpClients)
{
    public const string SignatureHeader = "X-Rossum-Signature-SHA256";

    public async Task<(int Status, JsonNode Body)> InvokeAsync(FakeHook hook, JsonObject extra, Uri baseUrl, CancellationToken cancellationToken)
    {
        if (!hook.Events.Contains("invocation.manual"))
            return (400, new JsonObject { ["detail"] = "The hook does not handle event invocation with action manual." });

        var requestId = Guid.NewGuid().ToString();
        var token = hook.TokenOwner is null ? null : tokens.Mint(hook.Organisation, TimeSpan.FromMinutes(10));
        var payload = new JsonObject
        {
            ["request_id"] = requestId,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
            ["hook"] = new Uri(baseUrl, $"api/v1/hooks/{hook.Id}").ToString(),
            ["action"] = "manual",
            ["event"] = "invocation",
            ["settings"] = hook.Fields["settings"]?.DeepClone() ?? new JsonObject(),
            ["base_url"] = baseUrl.GetLeftPart(UriPartial.Authority),
        };
        if (hook.Secrets is { Count: > 0 } secrets) payload["secrets"] = secrets.DeepClone();
        if (token is not null) payload["rossum_authorization_token"] = token;
        foreach (var (key, value) in extra) payload[key] = value?.DeepClone();

        var body = Encoding.UTF8.GetBytes(payload.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.ConfigString("url")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (hook.ConfigString("secret") is { Length: > 0 } secret)
            request.Headers.TryAddWithoutValidation(SignatureHeader, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));

        var http = httpClients.CreateClient(nameof(FakeHookInvoker));
        var timeout = hook.Fields["config"]?["timeout_s"] is JsonValue t && t.TryGetValue<int>(out var s) && s > 0 ? s : 30;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(timeout));
        try
        {
            using var response = await http.SendAsync(request, cts.Token);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            JsonNode? json;
            try { json = JsonNode.Parse(text); } catch (JsonException) { json = null; }
            var ok = status is >= 200 and < 300 && json is not null;
            Log(hook, requestId, ok ? "INFO" : "ERROR", ok ? "Hook called." : $"Hook responded with status {status}.", ok ? "completed" : "failed", status);
            if (json is null) return (400, new JsonObject { ["detail"] = $"The hook's response (status {status}) is not JSON." });
            return ok ? (status, json) : (400, new JsonObject { ["detail"] = $"The hook responded with status {status}.", ["response"] = json });
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log(hook, requestId, "ERROR", $"Hook call failed: {e.GetType().Name}.", "failed", null);
            return (400, new JsonObject { ["detail"] = $"The hook could not be called ({e.GetType().Name})." });
        }
        finally
        {
            // Rossum received the answer (or gave up): the token dies now, or token_lifetime_s from now.
            if (token is not null)
            {
                if (hook.TokenLifetimeSeconds is > 0 and var lifetime) tokens.ExpireAfter(token, TimeSpan.FromSeconds(lifetime));
                else tokens.Expire(token);
            }
        }
    }

    private void Log(FakeHook hook, string requestId, string level, string message, string status, int? statusCode) =>
        hooks.Log(new FakeHookLog(DateTimeOffset.UtcNow, requestId, "invocation", "manual", hook.Id, level, message, status, statusCode, hook.Organisation));
}
