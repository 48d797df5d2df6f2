using Azure.Core;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.Hosting;
using CoupaIntegration.Rossum.Setup;
using CoupaIntegration.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RossumFake;

namespace CoupaFunctions.Tests.Rossum.Setup;

/// <summary>
/// The installer itself, against the Rossum fake and a fake Key Vault behind the real SecretClient: where the
/// signature secret comes from (Key Vault, made and stored, rotated), hooks whose secrets Rossum hides, and list
/// pages followed to the end.
/// </summary>
public sealed class HookInstallerTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly FakeKeyVault _vault = new();
    private readonly ServiceProvider _services;
    private RossumFakeServer? _rossum;

    public HookInstallerTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RossumApi:RetryBaseDelaySeconds"] = "0.01",
        }).Build();
        _services = CoupaServices.Build(configuration, logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging(), services =>
        {
            services.AddSingleton<TokenCredential>(new FakeAzureCredential());
            services.AddHttpClient(WebhookServiceCollectionExtensions.KeyVaultHttpClientName).ConfigurePrimaryHttpMessageHandler(() => _vault);
        });
    }

    private HookInstaller Installer => _services.GetRequiredService<HookInstaller>();

    private async Task<RossumFakeServer> RossumAsync(Action<RossumFakeOptions>? configure = null)
    {
        var options = new RossumFakeOptions();
        configure?.Invoke(options);
        return _rossum = await RossumFakeServer.StartAsync(options, Ct);
    }

    private static HookInstallRequest Request(RossumFakeServer rossum, string token, params string[] types) => new()
    {
        RossumUrl = rossum.BaseUrl,
        RossumToken = new Secret(token),
        FunctionUrl = new Uri("https://acme-coupa.azurewebsites.net"),
        FunctionKey = new Secret("function-key-0a1b2c"),
        CoupaUrl = "https://acme.coupahost.com/",
        ClientId = "acme-client",
        ClientSecret = new Secret("coupa-client-secret-9f8e"),
        Types = types,
    };

    private async Task<IReadOnlyList<HookPlanItem>> InstallAsync(HookInstallRequest request) =>
        await Installer.ApplyAsync(await Installer.PlanAsync(request, Ct), null, Ct);

    [Fact]
    public async Task KeyVaultWithoutTheSecret_GetsANewOne_BeforeAnyHook_AndTheNextInstallReadsIt()
    {
        var rossum = await RossumAsync();
        var request = Request(rossum, rossum.Tokens.Mint(), "suppliers") with { KeyVaultUri = new Uri(FakeKeyVault.VaultUri) };

        var preview = await Installer.PlanAsync(request, Ct);
        Assert.Equal(SignatureSecretSource.KeyVaultNew, preview.Signature.Source);
        Assert.Empty(_vault.Writes);
        await Installer.ApplyAsync(preview, null, Ct);

        var stored = _vault.Secrets[SignatureSecretStore.SecretName];
        Assert.Equal([SignatureSecretStore.SecretName], _vault.Writes);
        Assert.Equal(3, rossum.Hooks.All().Count);
        Assert.All(rossum.Hooks.All(), h => Assert.Equal(stored, h.ConfigString("secret")));

        var again = await Installer.PlanAsync(request, Ct);
        Assert.Equal(SignatureSecretSource.KeyVault, again.Signature.Source);
        Assert.All(again.Plan.Items, i => Assert.Equal(HookPlanAction.Unchanged, i.Action));
        Assert.Single(_vault.Writes);
    }

    [Fact]
    public async Task KeyVaultHoldingAnotherSecret_UpdatesEachHooksConfigSecret_WithoutShowingIt()
    {
        var rossum = await RossumAsync();
        var token = rossum.Tokens.Mint();
        await InstallAsync(Request(rossum, token, "suppliers") with { SignatureSecret = new Secret("the-old-secret-1234") });
        _vault.Secrets[SignatureSecretStore.SecretName] = "the-vault-secret-5678";

        var preview = await Installer.PlanAsync(Request(rossum, token, "suppliers") with { KeyVaultUri = new Uri(FakeKeyVault.VaultUri) }, Ct);

        Assert.All(preview.Plan.Items, i =>
        {
            Assert.Equal(HookPlanAction.Update, i.Action);
            var change = Assert.Single(i.Changes);
            Assert.Equal(("config.secret", "(another secret)", "(the signature secret)"), (change.Path, change.Before, change.After));
        });
        await Installer.ApplyAsync(preview, null, Ct);
        Assert.All(rossum.Hooks.All(), h => Assert.Equal("the-vault-secret-5678", h.ConfigString("secret")));
        Assert.Empty(_vault.Writes);
    }

    [Fact]
    public async Task RotatingTheSignatureSecret_GivesEveryHookTheSameNewOne_AndChangesNothingElse()
    {
        var rossum = await RossumAsync();
        var token = rossum.Tokens.Mint();
        await InstallAsync(Request(rossum, token, "suppliers", "currencies") with { SignatureSecret = new Secret("the-old-secret-1234") });
        var before = rossum.Hooks.All().ToDictionary(h => h.Id, h => h.Fields.DeepClone());

        var preview = await Installer.PlanAsync(Request(rossum, token, "suppliers", "currencies") with { RotateSignatureSecret = true }, Ct);
        await Installer.ApplyAsync(preview, null, Ct);

        Assert.Equal(SignatureSecretSource.Generated, preview.Signature.Source);
        var secrets = rossum.Hooks.All().Select(h => h.ConfigString("secret")).Distinct().ToList();
        Assert.Equal(preview.Signature.Value!.Reveal(), Assert.Single(secrets));
        Assert.NotEqual("the-old-secret-1234", secrets[0]);
        foreach (var hook in rossum.Hooks.All())
        {
            var was = before[hook.Id];
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(was["settings"], hook.Fields["settings"]));
            Assert.Equal((string?)was["config"]!["url"], hook.ConfigString("url"));
        }
    }

    [Fact]
    public async Task WhereRossumHidesSecrets_AddingATypeWithoutTheSecret_IsRefused_NamingWhatToPass_AndWritesNothing()
    {
        var rossum = await RossumAsync(o => o.HookSecretsReadable = false);
        var token = rossum.Tokens.Mint();
        await InstallAsync(Request(rossum, token, "suppliers") with { SignatureSecret = new Secret("the-apps-secret-4321") });
        rossum.Requests.Clear();

        var preview = await Installer.PlanAsync(Request(rossum, token, "suppliers", "currencies"), Ct);

        Assert.Equal(SignatureSecretSource.Unknown, preview.Signature.Source);
        Assert.Equal(HookPlanAction.Create, preview.Plan.Items.Single(i => i.Role.ImportType == "currencies").Action);
        var refused = await Assert.ThrowsAsync<IntegrationException>(() => Installer.ApplyAsync(preview, null, Ct));
        Assert.Contains("creating 'Coupa import: Currencies (CoupaFunctions)' needs the webhook signature secret", refused.Message);
        Assert.Contains("--signature-secret", refused.Message);
        Assert.DoesNotContain(rossum.Requests.Snapshot(), r => r.Method is "POST" or "PATCH");

        // Given the secret, the same install goes through and the existing hooks stay as they are.
        var given = await Installer.PlanAsync(Request(rossum, token, "suppliers", "currencies") with { SignatureSecret = new Secret("the-apps-secret-4321") }, Ct);
        Assert.Equal(1, given.Plan.Count(HookPlanAction.Create));
        Assert.Equal(3, given.Plan.Count(HookPlanAction.Unchanged));
    }

    [Fact]
    public async Task EveryPageOfHooksIsRead_SoASecondInstallFindsAllOfOursUnchanged()
    {
        var rossum = await RossumAsync(o => o.MaxPageSize = 2);
        var token = rossum.Tokens.Mint();
        for (var i = 0; i < 5; i++)
            rossum.Hooks.Add(new System.Text.Json.Nodes.JsonObject { ["name"] = $"someone else's {i}", ["events"] = new System.Text.Json.Nodes.JsonArray("invocation.manual"), ["config"] = new System.Text.Json.Nodes.JsonObject { ["url"] = "https://elsewhere.example/" } });
        await InstallAsync(Request(rossum, token, "suppliers", "currencies") with { SignatureSecret = new Secret("the-apps-secret-4321") });
        rossum.Requests.Clear();

        var again = await Installer.PlanAsync(Request(rossum, token, "suppliers", "currencies") with { SignatureSecret = new Secret("the-apps-secret-4321") }, Ct);

        Assert.Equal(4, again.Plan.Count(HookPlanAction.Unchanged));
        Assert.Equal(9, rossum.Hooks.All().Count);
        // 9 hooks, 2 a page: read in 5 pages.
        Assert.Equal(5, rossum.Requests.Snapshot().Count(r => r.Path == "/api/v1/hooks" && r.Method == "GET"));
    }

    [Fact]
    public async Task UnknownQueues_AreNamed_WithTheQueuesTheOrganisationHas()
    {
        var rossum = await RossumAsync();
        var invoices = rossum.Hooks.AddQueue("Invoices");

        var refused = await Assert.ThrowsAsync<IntegrationException>(() =>
            Installer.PlanAsync(Request(rossum, rossum.Tokens.Mint(), "suppliers") with { Queues = [invoices.ToString(), "424242"] }, Ct));

        Assert.Equal(FailureKind.BadRequest, refused.Kind);
        Assert.Contains("no queue 424242", refused.Message);
        Assert.Contains($"{invoices} 'Invoices'", refused.Message);
    }

    public async ValueTask DisposeAsync()
    {
        if (_rossum is not null) await _rossum.DisposeAsync();
        await _services.DisposeAsync();
    }
}
