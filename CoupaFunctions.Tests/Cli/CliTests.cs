using System.Diagnostics;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Cli;

/// <summary>The `coupa` command as a person runs it: a real process, its exit code, what it prints.</summary>
public sealed class CliTests
{
    private static Task<CoupaProcess.Run> CoupaAsync(IDictionary<string, string>? environment, params string[] args) => CoupaProcess.RunAsync(environment, args);

    private static string TempHub() => "sqlite:" + Path.Combine(Directory.CreateTempSubdirectory("coupa-cli-").FullName, "hub.db");

    [Fact]
    public async Task Import_FromTheCommandLine_ExitsZeroWithASummary()
    {
        await using var sandbox = await Sandbox.StartAsync(o => o.Records["suppliers"] = 321);

        var run = await CoupaAsync(new Dictionary<string, string> { ["COUPA_CLIENT_SECRET"] = sandbox.Client.ClientSecret },
            "import", "suppliers", "--coupa-url", sandbox.Server.BaseUrl.ToString(), "--client-id", sandbox.Client.ClientId, "--hub", TempHub());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("321", run.Output);
        Assert.Contains("completed", run.Output);
    }

    [Fact]
    public async Task Import_WithAWrongSecret_ExitsNonZeroWithOneLineAndNoSecret()
    {
        await using var sandbox = await Sandbox.StartAsync();
        const string secret = "not-the-secret-123";

        var run = await CoupaAsync(null, "import", "suppliers", "--coupa-url", sandbox.Server.BaseUrl.ToString(),
            "--client-id", sandbox.Client.ClientId, "--client-secret", secret, "--hub", TempHub());

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("coupa: ", line);
        Assert.Contains("client id 'sandbox-client'", line);
        Assert.DoesNotContain(secret, run.Output + run.Error);
    }

    [Fact]
    public async Task Import_WithInvalidSettings_ExitsTwoListingEveryField()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("coupa-cli-").FullName, "settings.json");
        await File.WriteAllTextAsync(file, """{"import_config": {"records_per_request": "many", "method": 3}}""", TestContext.Current.CancellationToken);

        var run = await CoupaAsync(null, "import", "suppliers", "--settings", file, "--hub", TempHub());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("$.import_config.records_per_request", run.Error);
        Assert.Contains("$.import_config.method", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("serve", "--key-vault")]
    [InlineData("doctor", "--key-vault-uri")]
    public async Task KeyVaultOption_NotAUrl_IsAUsageErrorNamingTheOption(string command, string option)
    {
        string[] required = command == "doctor" ? ["--coupa-url", "https://acme.coupahost.com/", "--client-id", "c"] : [];
        var run = await CoupaAsync(null, [command, .. required, option, "vault-without-scheme"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"{option} must be an absolute https URL", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public async Task Doctor_KeyVaultUrl_IsAccepted_AndKeyVaultSecretsStayOffHostsNotOnTheAllowList()
    {
        var run = await CoupaAsync(null, "doctor", "--coupa-url", "http://127.0.0.1:9/", "--client-id", "c", "--key-vault-uri", "https://acme.vault.azure.net/");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("not on Secrets:CoupaHostAllowList", run.Error);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
    }

    [Fact]
    public async Task Import_KilledMidRun_ResumesOnTheNextRunWithoutLossOrDuplicates()
    {
        await using var sandbox = await Sandbox.StartAsync(o => { o.Records["suppliers"] = 3_000; o.Faults.LatencyMs = 100; });
        var hubPath = Path.Combine(Directory.CreateTempSubdirectory("coupa-cli-").FullName, "hub.db");
        string[] args = ["import", "suppliers", "--coupa-url", sandbox.Server.BaseUrl.ToString(), "--client-id", sandbox.Client.ClientId, "--hub", "sqlite:" + hubPath];
        var environment = new Dictionary<string, string> { ["COUPA_CLIENT_SECRET"] = sandbox.Client.ClientSecret, ["COUPAFUNCTIONS_Import__BatchSize"] = "50" };

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "coupa.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using (var crashing = Process.Start(start)!)
        {
            var hub = new CoupaIntegration.DataHub.SqliteDataHub(hubPath);
            while (await hub.CountAsync("suppliers", TestContext.Current.CancellationToken) < 200)
                await Task.Delay(20, TestContext.Current.CancellationToken);
            crashing.Kill(entireProcessTree: true);
            await crashing.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        sandbox.Server.Options.Faults.LatencyMs = 0;
        sandbox.Server.Requests.Clear();

        var resumed = await CoupaAsync(environment, args);

        Assert.True(resumed.ExitCode == 0, resumed.Error);
        var ids = new List<long>();
        await foreach (var record in new CoupaIntegration.DataHub.SqliteDataHub(hubPath).ReadAllAsync("suppliers", TestContext.Current.CancellationToken))
            ids.Add(record.GetProperty("id").GetInt64());
        Assert.Equal(sandbox.Data.All("suppliers").Select(r => (long)r["id"]!).Order(), ids.Order());
        // It resumed from the saved slices (no new probe for the id range) rather than starting over.
        Assert.DoesNotContain(sandbox.ApiRequests("suppliers"), r => r.Query.TryGetValue("dir", out var dir) && dir == "desc");
    }

    [Fact]
    public async Task Demo_ImportsEverything_ThenOnlyTheChanges()
    {
        var run = await CoupaAsync(null, "demo", "--hub", TempHub());

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Full import", run.Output);
        Assert.Contains("Incremental import", run.Output);
        Assert.Contains("18 datasets", run.Output);
    }
}
