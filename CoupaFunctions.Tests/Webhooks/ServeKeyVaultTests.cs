using System.Net;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Webhooks;

/// <summary>
/// Fallback secrets from Key Vault, read by the real SecretClient (challenge, token, GET) from a fake vault: the
/// Rossum API token when the hook's token dies mid-run, the Coupa client secret when the hook has none, and the
/// host allow-lists that keep both from going anywhere else.
/// </summary>
public sealed class ServeKeyVaultTests
{
    private const string RossumTokenSecret = "rossum-api-token-127-0-0-1";
    private const string CoupaSecretName = "coupa-client-secret-sandbox-client";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<WebhookHarness> SlowSuppliersAsync(bool keyVault, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?> { ["Import:PageConcurrency"] = "2", ["Import:BatchSize"] = "50" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return WebhookHarness.StartAsync(o => { o.Records["suppliers"] = 1_500; o.Faults.LatencyMs = 20; }, values, keyVault);
    }

    /// <summary>Starts a suppliers import and expires the hook's token once some data is written, as Rossum does after token_lifetime_s.</summary>
    private static async Task<string> StartAndExpireTokenMidRunAsync(WebhookHarness harness)
    {
        var accepted = await harness.PostAsync("api/import/suppliers", harness.Payload(harness.Settings()));
        Assert.True(accepted.Status == HttpStatusCode.Accepted, accepted.ToString());
        while (harness.Rossum.Organisation().Count("suppliers") < 100) await Task.Delay(10, Ct);
        harness.Rossum.Tokens.Expire(harness.RossumToken);
        return accepted.Location!;
    }

    [Fact]
    public async Task RossumTokenExpiringMidRun_ContinuesWithTheKeyVaultToken()
    {
        await using var harness = await SlowSuppliersAsync(keyVault: true, new Dictionary<string, string?> { ["Secrets:RossumHostAllowList:0"] = "127.0.0.1" });
        var keyVaultToken = harness.Rossum.Tokens.Mint(lifetime: TimeSpan.FromHours(1));
        harness.KeyVault.Secrets[RossumTokenSecret] = keyVaultToken;

        var done = await harness.PollUntilDoneAsync(await StartAndExpireTokenMidRunAsync(harness));

        Assert.True(done.Status == HttpStatusCode.Created, done.ToString());
        Assert.False(done.Json["result"]!["resumed"]!.GetValue<bool>(), "the run carried on in place");
        Assert.Equal(harness.SandboxIds("suppliers"), harness.StoredIds("suppliers"));
        Assert.Contains(harness.Rossum.Requests.Snapshot(), r => r.Status == 401);
        Assert.Contains(RossumTokenSecret, harness.KeyVault.Reads);
        // The app's identity was asked for a Key Vault token, for the tenant and resource of Key Vault's challenge.
        Assert.Contains(harness.Credential.Requests, r => r.Scopes.Contains("https://vault.azure.net/.default") && r.TenantId == "tenant");
        harness.AssertNoSecretLeaked(keyVaultToken);
    }

    [Fact]
    public async Task RossumTokenExpiringMidRun_WithoutKeyVault_FailsNamingTheSetting_AndKeepsWhatWasWritten()
    {
        await using var harness = await SlowSuppliersAsync(keyVault: false);

        var failed = await harness.PollUntilDoneAsync(await StartAndExpireTokenMidRunAsync(harness));

        Assert.True(failed.Status == HttpStatusCode.UnprocessableEntity, failed.ToString());
        var error = failed.Json["error"]!.GetValue<string>();
        Assert.Contains("rejected the token (401)", error);
        Assert.Contains("Secrets:KeyVaultUri", error);
        Assert.Contains("token_lifetime_s", error);
        var kept = harness.StoredIds("suppliers");
        Assert.True(kept.Count >= 100, $"kept {kept.Count} records written before the token died");

        // Rossum retries the hook call with a new token: the run resumes where its data was written.
        var retried = await harness.PostAsync("api/import/suppliers", harness.Payload(harness.Settings(), token: harness.Rossum.Tokens.Mint()));
        var done = await harness.PollUntilDoneAsync(retried.Location!);
        Assert.True(done.Status == HttpStatusCode.Created, done.ToString());
        Assert.True(done.Json["result"]!["resumed"]!.GetValue<bool>());
        Assert.Equal(harness.SandboxIds("suppliers"), harness.StoredIds("suppliers"));
        harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task KeyVaultRossumToken_IsNeverOfferedToAHostOffTheAllowList()
    {
        await using var harness = await SlowSuppliersAsync(keyVault: true);
        harness.KeyVault.Secrets[RossumTokenSecret] = harness.Rossum.Tokens.Mint(lifetime: TimeSpan.FromHours(1));

        var failed = await harness.PollUntilDoneAsync(await StartAndExpireTokenMidRunAsync(harness));

        Assert.True(failed.Status == HttpStatusCode.UnprocessableEntity, failed.ToString());
        Assert.Contains("Secrets:RossumHostAllowList", failed.Json["error"]!.GetValue<string>());
        Assert.DoesNotContain(RossumTokenSecret, harness.KeyVault.Reads);
        Assert.True(harness.StoredIds("suppliers").Count >= 100);
        harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task CoupaClientSecret_ComesFromKeyVault_WhenTheHookHasNone()
    {
        await using var harness = await WebhookHarness.StartAsync(o => o.Records["tax_codes"] = 90,
            new Dictionary<string, string?> { ["Secrets:CoupaHostAllowList:0"] = "127.0.0.1" }, keyVault: true);
        harness.KeyVault.Secrets[CoupaSecretName] = harness.Sandbox.Client.ClientSecret;

        var accepted = await harness.PostAsync("api/import/tax-codes", harness.Payload(harness.Settings(), clientSecret: null));
        var done = await harness.PollUntilDoneAsync(accepted.Location!);

        Assert.True(done.Status == HttpStatusCode.Created, done.ToString());
        Assert.Equal(harness.SandboxIds("tax_codes"), harness.StoredIds("tax_codes"));
        Assert.Contains(CoupaSecretName, harness.KeyVault.Reads);
        harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task KeyVaultClientSecret_ForAHostOffTheAllowList_IsRefusedBeforeAnythingIsSent()
    {
        await using var harness = await WebhookHarness.StartAsync(keyVault: true);
        harness.KeyVault.Secrets[CoupaSecretName] = harness.Sandbox.Client.ClientSecret;

        var answer = await harness.PostAsync("api/import/suppliers", harness.Payload(harness.Settings(), clientSecret: null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains("Secrets:CoupaHostAllowList", answer.Json["error"]!.GetValue<string>());
        Assert.Empty(harness.Sandbox.Server.Requests.Snapshot());
        Assert.Empty(harness.KeyVault.Reads);
        Assert.Empty(harness.Rossum.Requests.Snapshot());
        harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task NoClientSecretAnywhere_IsRefusedAtOnce_NamingWhereItWasLookedFor()
    {
        await using var harness = await WebhookHarness.StartAsync(settings: new Dictionary<string, string?> { ["Secrets:CoupaHostAllowList:0"] = "127.0.0.1" }, keyVault: true);

        var answer = await harness.PostAsync("api/import/suppliers", harness.Payload(harness.Settings(), clientSecret: null));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.Status);
        Assert.Contains(CoupaSecretName, answer.Json["error"]!.GetValue<string>());
        Assert.Empty(harness.Sandbox.Server.Requests.Snapshot());
        Assert.Empty(harness.Rossum.Requests.Snapshot());
    }

    [Fact]
    public async Task SecretsInThePayload_NeverAppearInAnswersOrLogs_EvenWhenTheRunFails()
    {
        await using var harness = await WebhookHarness.StartAsync();
        const string wrongSecret = "wrong-client-secret-9c2e";

        var accepted = await harness.PostAsync("api/import/suppliers", harness.Payload(harness.Settings(), clientSecret: wrongSecret));
        var failed = await harness.PollUntilDoneAsync(accepted.Location!);

        Assert.True(failed.Status == HttpStatusCode.UnprocessableEntity, failed.ToString());
        Assert.Contains("client id 'sandbox-client'", failed.Json["error"]!.GetValue<string>());
        harness.AssertNoSecretLeaked(wrongSecret);
    }
}
