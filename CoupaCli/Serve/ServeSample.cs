using System.Text;
using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.Webhooks;

namespace CoupaCli.Serve;

/// <summary>
/// A ready-to-run hook call for `coupa serve --with-sandbox --with-rossum-fake`: an invocation.manual payload
/// pointing at the local fakes, written to a file, and the curl line that sends it (signed when a secret is set).
/// Every credential in it belongs to a local fake.
/// </summary>
internal static class ServeSample
{
    public static string Payload(Uri rossum, string rossumToken, Uri coupa, string clientId, string clientSecret) => new JsonObject
    {
        ["request_id"] = Guid.NewGuid().ToString(),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'"),
        ["hook"] = new Uri(rossum, "api/v1/hooks/1").ToString(),
        ["action"] = "manual",
        ["event"] = "invocation",
        ["base_url"] = rossum.GetLeftPart(UriPartial.Authority),
        ["rossum_authorization_token"] = rossumToken,
        ["settings"] = new JsonObject
        {
            ["credentials"] = new JsonObject { ["base_api_url"] = coupa.ToString(), ["client_id"] = clientId },
            ["import_config"] = new JsonObject { ["dataset_name"] = "suppliers" },
        },
        ["secrets"] = new JsonObject { ["client_secret"] = clientSecret },
    }.ToJsonString();

    /// <summary>Writes the payload and returns the lines to print.</summary>
    public static async Task<IReadOnlyList<string>> WriteAsync(string payload, Uri serveUrl, string? signatureSecret, CancellationToken cancellationToken)
    {
        var file = Path.Combine(".coupa", "serve-sample.json");
        Directory.CreateDirectory(".coupa");
        await File.WriteAllTextAsync(file, payload, cancellationToken);
        var url = new Uri(serveUrl, "api/import/suppliers");
        var lines = new List<string> { $"Sample hook call (payload in {file}):" };
        if (signatureSecret is null)
        {
            lines.Add($"  curl -i {url} -H 'Content-Type: application/json' --data-binary @{file}");
        }
        else
        {
            var signature = WebhookSignature.Sign(Encoding.UTF8.GetBytes(payload), new Secret(signatureSecret));
            lines.Add($"  curl -i {url} -H 'Content-Type: application/json' -H '{WebhookSignature.HeaderName}: {signature}' --data-binary @{file}");
            lines.Add($"  (after editing the file, sign it again: SIG=$(openssl dgst -sha256 -hmac \"${ServeSettings.SignatureSecretVariable}\" -r < {file} | cut -d' ' -f1), header 'sha256='$SIG)");
        }
        lines.Add("Then poll the Location header of the 202 answer: curl -i '<Location>' (200 while running, 201 with the counts).");
        return lines;
    }
}
