using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaFunctions.Tests.Cli;

/// <summary>`coupa serve` as a person runs it: a real process, its banner, and the sample call it prints, sent as printed.</summary>
public sealed partial class ServeCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"X-Rossum-Signature-SHA256: (sha256=[0-9a-f]{64})")]
    private static partial Regex SignatureHeader();

    [Fact]
    public async Task Serve_WithSandboxAndRossumFake_PrintsASignedSampleCall_ThatImports()
    {
        const string secret = "serve-test-hook-secret";
        var directory = Directory.CreateTempSubdirectory("coupa-serve-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "coupa.dll"), "serve", "--port", "0", "--with-sandbox", "--with-rossum-fake" })
            start.ArgumentList.Add(arg);
        start.Environment["COUPA_WEBHOOK_SECRET"] = secret;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(Ct);
        try
        {
            var banner = new List<string>();
            while (await process.StandardOutput.ReadLineAsync(Ct) is { } line)
            {
                banner.Add(line);
                if (line.StartsWith("Ctrl-C", StringComparison.Ordinal)) break;
            }
            var output = string.Join('\n', banner);
            if (banner.Count == 0 || !banner[0].StartsWith("Webhooks listening on http://127.0.0.1:", StringComparison.Ordinal))
                Assert.Fail(output + await DrainAsync(process, error));
            Assert.DoesNotContain(secret, output);
            var baseUrl = new Uri(banner[0]["Webhooks listening on ".Length..]);
            var signature = SignatureHeader().Match(output).Groups[1].Value;
            var body = await File.ReadAllBytesAsync(Path.Combine(directory, ".coupa", "serve-sample.json"), Ct);

            await using var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
            var http = services.GetRequiredService<IHttpClientFactory>().CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl, "api/import/suppliers")) { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation("X-Rossum-Signature-SHA256", signature);
            using var accepted = await http.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);

            HttpResponseMessage poll;
            while ((poll = await http.GetAsync(accepted.Headers.Location, Ct)).StatusCode == HttpStatusCode.OK)
            {
                poll.Dispose();
                await Task.Delay(50, Ct);
            }
            using var done = poll;
            var result = await done.Content.ReadAsStringAsync(Ct);
            Assert.True(done.StatusCode == HttpStatusCode.Created, result);
            Assert.Contains("\"records_read\":200", result);
            Assert.DoesNotContain(secret, result + Encoding.UTF8.GetString(body));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(Ct);
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<string> DrainAsync(Process process, Task<string> error)
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        return "\n" + await error;
    }
}
