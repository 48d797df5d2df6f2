namespace CoupaCli.Serve;

/// <summary>What `coupa serve` prints once listening: its URLs, the fakes' URLs, and a sample call when it can make one.</summary>
internal static class ServeBanner
{
    public static async Task WriteAsync(Uri serveUrl, string? signatureSecret, LocalFakes fakes, CancellationToken cancellationToken)
    {
        // The first line is machine-read by tests: keep its shape.
        System.Console.WriteLine($"Webhooks listening on {serveUrl}");
        System.Console.WriteLine($"  POST {serveUrl}api/import/{{type}}   POST {serveUrl}api/coupa/v1/import   GET {serveUrl}api/health");
        System.Console.WriteLine($"  POST {serveUrl}api/export/invoice   POST {serveUrl}api/export/duplicate-check");
        System.Console.WriteLine(signatureSecret is null
            ? "  Signatures are not checked (no --signature-secret or COUPA_WEBHOOK_SECRET)."
            : $"  Calls must carry a valid {CoupaIntegration.Rossum.Webhooks.WebhookSignature.HeaderName}.");
        if (fakes.Sandbox is { } sandbox)
            System.Console.WriteLine($"Coupa sandbox on {sandbox.BaseUrl} (OAuth client {sandbox.Options.Clients[0].ClientId}; secret: see README, 'Sandbox credentials').");
        if (fakes.Rossum is { } rossum)
            System.Console.WriteLine($"Rossum fake on {rossum.BaseUrl} (a token valid for 2 h is in the sample payload).");
        if (fakes is { Sandbox: { } s, Rossum: { } r, RossumToken: { } token })
        {
            var client = s.Options.Clients[0];
            var payload = ServeSample.Payload(r.BaseUrl, token, s.BaseUrl, client.ClientId, client.ClientSecret);
            foreach (var line in await ServeSample.WriteAsync(payload, serveUrl, signatureSecret, cancellationToken))
                System.Console.WriteLine(line);
        }
        System.Console.WriteLine("Ctrl-C stops.");
    }
}
