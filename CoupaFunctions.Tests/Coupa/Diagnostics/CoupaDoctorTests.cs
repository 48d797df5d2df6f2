using Azure.Core;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.Coupa.Diagnostics;
using CoupaIntegration.Hosting;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using CoupaSandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CoupaFunctions.Tests.Coupa.Diagnostics;

/// <summary>
/// The doctor's core against a sandbox: the Key Vault secret as the Function App reads it (and never for a host off
/// the allow-list), and what a granted scope whose cheap read fails is reported as.
/// </summary>
public sealed class CoupaDoctorTests
{
    private const string Secret = "doctor-Secret-5150";
    private const string KeyVaultName = "coupa-client-secret-doctor";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Harness(Sandbox sandbox, ServiceProvider services, FakeKeyVault keyVault) : IAsyncDisposable
    {
        public Sandbox Sandbox { get; } = sandbox;
        public FakeKeyVault KeyVault { get; } = keyVault;
        public ServiceProvider Services { get; } = services;

        public CoupaDoctor Doctor(ImportCatalog? catalog = null) => catalog is null
            ? Services.GetRequiredService<CoupaDoctor>()
            : ActivatorUtilities.CreateInstance<CoupaDoctor>(Services, catalog);

        public Task<DoctorReport> ExamineAsync(Secret? secret, string[] types, ImportCatalog? catalog = null) =>
            Doctor(catalog).ExamineAsync(new DoctorRequest(Sandbox.Server.BaseUrl, "doctor", secret, "the test", types), Ct);

        public string Logs() => string.Join('\n', Services.GetFakeLogCollector().GetSnapshot().Select(r =>
            r.Message + " " + string.Join(' ', r.StructuredState?.Select(kv => kv.Value) ?? [])));

        public async ValueTask DisposeAsync()
        {
            await Services.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }

    private static async Task<Harness> StartAsync(bool keyVault = false, bool allowLoopback = true, Action<SandboxOptions>? sandbox = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Coupa:RetryBaseDelaySeconds"] = "0.02",
            ["Coupa:RetryMaxDelaySeconds"] = "0.1",
            ["Coupa:MaxRetryAttempts"] = "2",
        };
        if (allowLoopback) values["Secrets:CoupaHostAllowList:1000"] = "127.0.0.1";
        if (keyVault) values["Secrets:KeyVaultUri"] = FakeKeyVault.VaultUri;
        var vault = new FakeKeyVault();
        var services = CoupaServices.Build(new ConfigurationBuilder().AddInMemoryCollection(values).Build(),
            logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging(),
            s =>
            {
                s.AddSingleton<TokenCredential>(new FakeAzureCredential());
                s.AddHttpClient(WebhookServiceCollectionExtensions.KeyVaultHttpClientName).ConfigurePrimaryHttpMessageHandler(() => vault);
            });
        var coupa = await Sandbox.StartAsync(o =>
        {
            o.Clients = [new SandboxClient("doctor", Secret, ["core.supplier.read", "core.common.read", "core.invoice.read"])];
            sandbox?.Invoke(o);
        });
        return new Harness(coupa, services, vault);
    }

    private static ImportCatalog CatalogOf(params (string Type, string Endpoint, string Scope)[] entries) =>
        new(entries.Select(e => ImportCatalog.Default.Get("suppliers") with { Type = e.Type, Endpoint = e.Endpoint, Scope = e.Scope }));

    [Fact]
    public async Task Doctor_ReadsTheSecretFromKeyVault_ForAnAllowedHost()
    {
        await using var harness = await StartAsync(keyVault: true);
        harness.KeyVault.Secrets[KeyVaultName] = Secret;

        var report = await harness.ExamineAsync(null, ["suppliers", "tax_codes"]);

        Assert.Equal(DoctorOutcome.Ready, report.Outcome);
        Assert.Contains(KeyVaultName, report.Checks.Single(c => c.Name == "secret").Detail);
        Assert.Equal([KeyVaultName], harness.KeyVault.Reads);
        Assert.All(report.Scopes, s => Assert.Equal(DoctorStatus.Ok, s.Status));
        Assert.DoesNotContain(Secret, report.ToString() + harness.Logs());
    }

    [Fact]
    public async Task Doctor_NeverReadsAKeyVaultSecretForAHostOffTheAllowList()
    {
        await using var harness = await StartAsync(keyVault: true, allowLoopback: false);
        harness.KeyVault.Secrets[KeyVaultName] = Secret;

        var report = await harness.ExamineAsync(null, ["suppliers"]);

        Assert.Equal(DoctorOutcome.NeedsFixing, report.Outcome);
        var host = report.Checks.Single(c => c.Name == "host");
        Assert.Equal(DoctorStatus.Failed, host.Status);
        Assert.Contains("never sent there", host.Detail);
        Assert.Empty(harness.KeyVault.Reads);
        Assert.Empty(harness.Sandbox.Server.Requests.Snapshot());
    }

    [Fact]
    public async Task Doctor_WithAGivenSecret_OnlyWarnsAboutAHostOffTheAllowList()
    {
        await using var harness = await StartAsync(allowLoopback: false);

        var report = await harness.ExamineAsync(new Secret(Secret), ["suppliers"]);

        Assert.Equal(DoctorOutcome.Ready, report.Outcome);
        Assert.Equal(DoctorStatus.Warning, report.Checks.Single(c => c.Name == "host").Status);
    }

    [Fact]
    public async Task Doctor_WithoutTheKeyVaultSecret_NamesTheSecretToStore()
    {
        await using var harness = await StartAsync(keyVault: true);

        var report = await harness.ExamineAsync(null, ["suppliers"]);

        Assert.Equal(DoctorOutcome.NeedsFixing, report.Outcome);
        var secret = report.Checks.Single(c => c.Name == "secret");
        Assert.Equal(DoctorStatus.Failed, secret.Status);
        Assert.Contains($"no secret '{KeyVaultName}'", secret.Detail);
        Assert.All(report.Scopes, s => Assert.Equal(DoctorStatus.NotChecked, s.Status));
    }

    [Fact]
    public async Task Doctor_GrantedScopeThatDoesNotOpenTheEndpoint_BlamesTheScopeOrThePermissions()
    {
        await using var harness = await StartAsync();
        // core.common.read is granted, but the sandbox serves suppliers under core.supplier.read only: 403.
        var catalog = CatalogOf(("suppliers_by_common", "api/suppliers", "core.common.read"));

        var report = await harness.ExamineAsync(new Secret(Secret), ["suppliers_by_common"], catalog);

        var row = report.Scopes.Single(s => s.Type == "suppliers_by_common");
        Assert.Equal(DoctorStatus.Failed, row.Status);
        Assert.Contains("403", row.Detail);
        Assert.Contains("lacks the permission", row.Detail);
        Assert.Empty(report.ScopesToAdd);
        Assert.Equal(DoctorOutcome.NeedsFixing, report.Outcome);
    }

    [Fact]
    public async Task Doctor_EndpointTheInstanceDoesNotServe_SaysItIsNotEnabled()
    {
        await using var harness = await StartAsync();
        var catalog = CatalogOf(("budget_lines", "api/budget_lines", "core.common.read"));

        var report = await harness.ExamineAsync(new Secret(Secret), ["budget_lines"], catalog);

        var row = Assert.Single(report.Scopes);
        Assert.Equal(DoctorStatus.Failed, row.Status);
        Assert.Contains("404", row.Detail);
        Assert.Contains("not enabled on this instance", row.Detail);
    }

    [Fact]
    public async Task Doctor_WhenCoupaKeepsFailing_IsIncompleteRatherThanWrong()
    {
        await using var harness = await StartAsync(sandbox: o => { o.Faults.FailNextRequests = 1_000; o.Faults.FailStatus = 503; });

        var report = await harness.ExamineAsync(new Secret(Secret), ["suppliers"]);

        Assert.Equal(DoctorOutcome.Incomplete, report.Outcome);
        var row = Assert.Single(report.Scopes);
        Assert.Equal(DoctorStatus.Unavailable, row.Status);
        Assert.Contains("503", row.Detail);
    }

    [Fact]
    public async Task Doctor_ChecksEachScopeOnce_AndListsEveryMissingScopeOnce()
    {
        await using var harness = await StartAsync();

        var report = await harness.ExamineAsync(new Secret(Secret), []);

        // The client has suppliers, common and invoice reads; everything else in the catalog and the export's writes is missing.
        Assert.Equal(["core.accounting.read", "core.contract.read", "core.invoice.create", "core.invoice.write", "core.legal_entity.read", "core.purchase_order.read"],
            report.ScopesToAdd);
        Assert.Equal(ImportCatalog.Default.Entries.Count + 3, report.Scopes.Count);
        var tokenRequests = harness.Sandbox.Server.Requests.Snapshot().Count(r => r.Path == "/oauth2/token");
        var distinctScopes = report.Scopes.Select(s => s.Scope).Distinct().Count();
        var granted = report.Scopes.Where(s => s.Status == DoctorStatus.Ok).Select(s => s.Scope).Distinct().Count();
        // One probe per scope, plus the API pipeline's own token for each granted scope's reads.
        Assert.Equal(distinctScopes + granted, tokenRequests);
    }

    [Fact]
    public async Task Doctor_WithAnUnknownType_FailsBeforeAnyRequest()
    {
        await using var harness = await StartAsync();

        var e = await Assert.ThrowsAsync<IntegrationException>(() => harness.ExamineAsync(new Secret(Secret), ["vendors"]));

        Assert.Equal(FailureKind.BadRequest, e.Kind);
        Assert.Contains("'vendors'", e.Message);
        Assert.Empty(harness.Sandbox.Server.Requests.Snapshot());
    }
}
