using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Coupa;

public sealed class CoupaAuthenticationTests
{
    private const string Secret = "Sup3r-Secret-Value-42";

    [Fact]
    public async Task WrongSecret_FailsWithAReasonNamingTheClient_AndTheSecretAppearsNowhere()
    {
        await using var harness = await ImportHarness.StartAsync();
        var plan = harness.Jobs.Plan("suppliers", harness.Sandbox.Settings(), new Secret(Secret));

        var summary = await harness.RunAsync(plan);

        Assert.Equal(ImportRunStatus.Failed, summary.Status);
        Assert.Contains("rejected the credentials of client id 'sandbox-client'", summary.Error);
        Assert.DoesNotContain(Secret, summary.Error);
        Assert.DoesNotContain(Secret, harness.Services.AllLogText());
        Assert.DoesNotContain(Secret, plan.ToString());
    }

    [Fact]
    public async Task SecretWithWhitespace_IsCalledOut()
    {
        await using var harness = await ImportHarness.StartAsync();
        var plan = harness.Jobs.Plan("suppliers", harness.Sandbox.Settings(), new Secret(harness.Sandbox.Client.ClientSecret + " "));

        var summary = await harness.RunAsync(plan);

        Assert.Equal(ImportRunStatus.Failed, summary.Status);
        Assert.Contains("whitespace", summary.Error);
    }

    [Fact]
    public async Task ScopeNotGranted_SaysWhichScopeToGrant()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
            o.Clients = [new CoupaSandbox.SandboxClient("limited", "limited-secret", ["core.common.read"])]);

        var summary = await harness.RunAsync(harness.Plan("suppliers"));

        Assert.Equal(ImportRunStatus.Failed, summary.Status);
        Assert.Contains("invalid_scope", summary.Error);
        Assert.Contains("core.supplier.read", summary.Error);
        Assert.DoesNotContain("limited-secret", harness.Services.AllLogText());
    }

    [Fact]
    public async Task TokensAreCachedPerScope_OneMintForAWholeRun()
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["suppliers"] = 500);

        await harness.RunAsync(harness.Plan("suppliers"));
        await harness.RunAsync(harness.Plan("payment_terms"));
        await harness.RunAsync(harness.Plan("suppliers"));

        var mints = harness.Sandbox.Server.Requests.Snapshot().Count(r => r.Path == "/oauth2/token");
        Assert.Equal(2, mints);
        Assert.DoesNotContain("Bearer", harness.Services.AllLogText());
    }

    [Fact]
    public async Task UnknownEndpoint_FailsWithA404Reason()
    {
        await using var harness = await ImportHarness.StartAsync();
        var settings = harness.Sandbox.Settings(ImportSettingsParser.Empty.ImportConfig with { Endpoint = "api/vendors", DatasetName = "vendors" }) with
        {
            Credentials = new CredentialsSettings(harness.Sandbox.Client.ClientId, harness.Sandbox.Server.BaseUrl.ToString(), "core.common.read"),
        };

        var summary = await harness.RunAsync(harness.Jobs.Plan(null, settings, harness.Sandbox.Secret));

        Assert.Equal(ImportRunStatus.Failed, summary.Status);
        Assert.Contains("404", summary.Error);
        Assert.Contains("import_config.endpoint", summary.Error);
    }
}
