using System.Text;
using System.Text.Json.Nodes;
using CoupaIntegration.Webhooks;
using CoupaSandbox;
using Microsoft.Extensions.DependencyInjection;
using RossumFake;

namespace CoupaCli.Exports;

/// <summary>
/// Runs an export payload through the same <see cref="ExportWebhookHandler"/> the Function App uses. Against the
/// local fakes, the payload is pointed at them: sandbox credentials, the fake's base URL, token and a sample PDF.
/// </summary>
internal static class LocalExport
{
    private static readonly byte[] SamplePdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% coupa demo invoice\n%%EOF\n");

    public static void PointAtFakes(JsonObject payload, SandboxServer sandbox, RossumFakeServer rossum, string rossumToken)
    {
        var client = sandbox.Options.Clients[0];
        var settings = payload["settings"] as JsonObject ?? new JsonObject();
        settings["credentials"] = new JsonObject { ["base_api_url"] = sandbox.BaseUrl.ToString(), ["client_id"] = client.ClientId };
        payload["settings"] = settings;
        payload["secrets"] = new JsonObject { ["client_secret"] = client.ClientSecret };
        payload["base_url"] = rossum.BaseUrl.GetLeftPart(UriPartial.Authority);
        payload["rossum_authorization_token"] = rossumToken;
        var document = payload["document"] as JsonObject ?? new JsonObject();
        var uploaded = rossum.Documents.Add(SamplePdf, "application/pdf", (string?)document["original_file_name"] ?? "document.pdf");
        document["id"] = uploaded.Id;
        document["content"] = new Uri(rossum.BaseUrl, $"api/v1/documents/{uploaded.Id}/content").ToString();
        payload["document"] = document;
    }

    public static async Task<JsonObject> RunAsync(IServiceProvider services, JsonObject payload, CancellationToken cancellationToken)
    {
        var handler = services.GetRequiredService<ExportWebhookHandler>();
        var answer = await handler.ExportAsync(new WebhookCall(Encoding.UTF8.GetBytes(payload.ToJsonString()), null), cancellationToken);
        return answer.Body as JsonObject ?? new JsonObject { ["messages"] = new JsonArray(), ["operations"] = new JsonArray() };
    }

    /// <summary>The value the answer writes into the payload's datapoint with this schema id, if it does.</summary>
    public static string? Written(JsonObject payload, JsonObject response, string schemaId)
    {
        var ids = Datapoints(payload["annotation"]?["content"]).Where(d => (string?)d["schema_id"] == schemaId).Select(d => (long?)d["id"]).ToHashSet();
        return response["operations"]?.AsArray().LastOrDefault(o => ids.Contains((long?)o!["id"]))?["value"]?["content"]?["value"]?.GetValue<string>();
    }

    private static IEnumerable<JsonObject> Datapoints(JsonNode? nodes)
    {
        foreach (var node in (nodes as JsonArray ?? []).OfType<JsonObject>())
        {
            yield return node;
            foreach (var child in Datapoints(node["children"])) yield return child;
        }
    }
}
