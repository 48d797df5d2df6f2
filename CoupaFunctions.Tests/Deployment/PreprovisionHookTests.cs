using System.Diagnostics;
using CoupaFunctions.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>
/// infra/hooks/preprovision.sh against a stand-in azd (an environment file) and a loopback Key Vault: the two
/// generated secrets are created once and never handed to a provision again once the vault holds them.
/// </summary>
public sealed class PreprovisionHookTests : IAsyncDisposable
{
    private const string Token = "stub-vault-token";
    private readonly string _dir = Directory.CreateTempSubdirectory("preprovision-").FullName;
    private readonly Dictionary<string, int> _vault = new(StringComparer.Ordinal);
    private WebApplication? _server;

    [Fact]
    public async Task FirstProvision_WithoutAVault_GeneratesBothSecrets_AndARetryKeepsThem()
    {
        var first = await RunHookAsync(new Dictionary<string, string>());
        var env = first.Environment;

        Assert.Equal(32, Convert.FromBase64String(env["WEBHOOK_PROTECTION_KEY"]).Length);
        Assert.Matches("^[0-9a-f]{64}$", env["WEBHOOK_SIGNATURE_SECRET"]);
        AssertNoValueShown(first, env);

        // Provision failed before writing them: the next run passes the same values, not new ones.
        var retry = await RunHookAsync(env);
        Assert.Equal(env["WEBHOOK_PROTECTION_KEY"], retry.Environment["WEBHOOK_PROTECTION_KEY"]);
        Assert.Equal(env["WEBHOOK_SIGNATURE_SECRET"], retry.Environment["WEBHOOK_SIGNATURE_SECRET"]);
    }

    [Fact]
    public async Task VaultHoldsBothSecrets_NothingIsPassed_SoTheDeploymentLeavesThemAlone()
    {
        _vault["webhook-protection-key"] = 200;
        _vault["webhook-signature-secret"] = 200;
        var env = new Dictionary<string, string>
        {
            ["KEY_VAULT_URI"] = await StartVaultAsync(),
            ["WEBHOOK_PROTECTION_KEY"] = Convert.ToBase64String(new byte[32]),
            ["WEBHOOK_SIGNATURE_SECRET"] = "an-old-value-rotated-since-by-coupa-rossum-install",
        };

        var run = await RunHookAsync(env);

        Assert.Equal("", run.Environment["WEBHOOK_PROTECTION_KEY"]);
        Assert.Equal("", run.Environment["WEBHOOK_SIGNATURE_SECRET"]);
        Assert.Contains("webhook-protection-key: in Key Vault already", run.Output);
    }

    [Fact]
    public async Task VaultLacksOneSecret_OnlyThatOneIsGenerated()
    {
        _vault["webhook-protection-key"] = 200;
        _vault["webhook-signature-secret"] = 404;

        var run = await RunHookAsync(new Dictionary<string, string> { ["KEY_VAULT_URI"] = await StartVaultAsync() });

        Assert.Equal("", run.Environment["WEBHOOK_PROTECTION_KEY"]);
        Assert.Matches("^[0-9a-f]{64}$", run.Environment["WEBHOOK_SIGNATURE_SECRET"]);
    }

    [Fact]
    public async Task VaultRefusesTheDeployer_NothingIsPassed_AndAWarningSaysWhy()
    {
        _vault["webhook-protection-key"] = 403;
        _vault["webhook-signature-secret"] = 403;
        var env = new Dictionary<string, string> { ["KEY_VAULT_URI"] = await StartVaultAsync(), ["WEBHOOK_PROTECTION_KEY"] = "stale" };

        var run = await RunHookAsync(env);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Environment["WEBHOOK_PROTECTION_KEY"]);
        Assert.Equal("", run.Environment["WEBHOOK_SIGNATURE_SECRET"]);
        Assert.Contains("webhook-protection-key: cannot read", run.Error);
        Assert.Contains("Key Vault Secrets Officer", run.Error);
    }

    private sealed record HookRun(int ExitCode, string Output, string Error, Dictionary<string, string> Environment);

    private async Task<HookRun> RunHookAsync(Dictionary<string, string> environment)
    {
        foreach (var tool in new[] { "sh", "curl", "od", "base64", "head", "sed" })
            if (!OnPath(tool)) Assert.Skip($"The hook needs '{tool}', which is not on PATH here.");
        var store = Path.Combine(_dir, "azd.env");
        await File.WriteAllLinesAsync(store, environment.Select(p => $"{p.Key}={p.Value}"), TestContext.Current.CancellationToken);
        var bin = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        var azd = Path.Combine(bin, "azd");
        await File.WriteAllTextAsync(azd, StubAzd, TestContext.Current.CancellationToken);
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) File.SetUnixFileMode(azd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var start = new ProcessStartInfo("sh") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = SharedFolder.RepositoryRoot };
        start.ArgumentList.Add(Path.Combine(SharedFolder.RepositoryRoot, "infra", "hooks", "preprovision.sh"));
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["AZD_STUB_STORE"] = store;
        start.Environment["AZD_STUB_TOKEN"] = Token;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var after = (await File.ReadAllLinesAsync(store, TestContext.Current.CancellationToken))
            .Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        var run = new HookRun(process.ExitCode, await output, await error, after);
        Assert.True(run.ExitCode == 0, $"hook exit code {run.ExitCode}: {run.Error}");
        return run;
    }

    /// <summary>A loopback stand-in for the vault: GET /secrets/{name} answers the status set in <see cref="_vault"/>.</summary>
    private async Task<string> StartVaultAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.MapGet("/secrets/{name}", (string name, HttpRequest request) =>
            request.Headers.Authorization.ToString() != $"Bearer {Token}" || request.Query["api-version"].Count == 0
                ? Results.StatusCode(401)
                : Results.StatusCode(_vault.GetValueOrDefault(name, 404)));
        await _server.StartAsync(TestContext.Current.CancellationToken);
        var address = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return address.TrimEnd('/') + "/";
    }

    private static void AssertNoValueShown(HookRun run, Dictionary<string, string> env)
    {
        foreach (var name in new[] { "WEBHOOK_PROTECTION_KEY", "WEBHOOK_SIGNATURE_SECRET" })
        {
            Assert.DoesNotContain(env[name], run.Output);
            Assert.DoesNotContain(env[name], run.Error);
        }
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>azd's env get-value / env set / auth token, over a KEY=VALUE file.</summary>
    private const string StubAzd = """
        #!/bin/sh
        store="$AZD_STUB_STORE"
        case "$1 $2" in
          "env get-value")
            if grep -q "^$3=" "$store"; then grep "^$3=" "$store" | head -n 1 | cut -d= -f2-; else echo "ERROR: key '$3' not found" >&2; exit 1; fi ;;
          "env set")
            grep -v "^$3=" "$store" > "$store.tmp" || true
            printf '%s=%s\n' "$3" "$4" >> "$store.tmp"
            mv "$store.tmp" "$store" ;;
          "auth token")
            printf '{"token": "%s", "expiresOn": "2030-01-01T00:00:00Z"}\n' "$AZD_STUB_TOKEN" ;;
          *)
            echo "stub azd: unexpected arguments: $*" >&2; exit 2 ;;
        esac
        """;

    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
