using System.Text.Json.Nodes;

namespace CoupaIntegration.Webhooks;

/// <summary>A hook call as any host receives it: the raw body (signatures cover its bytes) and the signature header.</summary>
public sealed record WebhookCall(ReadOnlyMemory<byte> Body, string? SignatureHeader);

/// <summary>What the host answers: a status, a JSON body, and for accepted runs the polling URL.</summary>
public sealed record WebhookAnswer(int StatusCode, JsonNode? Body, string? Location = null)
{
    public static WebhookAnswer Problem(int status, string error, IEnumerable<(string Path, string Message)>? errors = null)
    {
        var body = new JsonObject { ["error"] = error };
        if (errors is not null)
            body["errors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject { ["path"] = e.Path, ["message"] = e.Message }).ToArray());
        // Rossum shows hook answers in its extension logs; a message there says the same to a person.
        body["messages"] = new JsonArray(new JsonObject { ["type"] = "error", ["content"] = error });
        return new WebhookAnswer(status, body);
    }
}
