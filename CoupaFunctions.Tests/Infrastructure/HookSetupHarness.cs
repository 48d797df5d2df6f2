using System.Text.Json.Nodes;
using RossumFake;
using RossumFake.Hooks;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>
/// `coupa rossum install|invoke` against a whole local world: the Rossum fake (hooks API, Data Storage), the Coupa
/// sandbox and our webhook server (<see cref="WebhookHarness"/>), with the CLI run as a real process. Every
/// secret of that world is known here, so each output can be searched for all of them.
/// </summary>
public sealed class HookSetupHarness : IAsyncDisposable
{
    public const string FunctionKey = "function-key-5f2a9c71";

    private HookSetupHarness(WebhookHarness webhooks)
    {
        Webhooks = webhooks;
        ApiToken = webhooks.Rossum.Tokens.Mint(lifetime: TimeSpan.FromHours(2));
    }

    public WebhookHarness Webhooks { get; }

    public RossumFakeServer Rossum => Webhooks.Rossum;

    /// <summary>An admin's API token for the Rossum API, as the person installing has one.</summary>
    public string ApiToken { get; }

    public static async Task<HookSetupHarness> StartAsync(Action<RossumFakeOptions>? rossum = null, Action<CoupaSandbox.SandboxOptions>? sandbox = null)
    {
        var harness = new HookSetupHarness(await WebhookHarness.StartAsync(sandbox));
        rossum?.Invoke(harness.Rossum.Options);
        return harness;
    }

    /// <summary>Secrets through the environment, as the README recommends; the signature secret is the one our server checks.</summary>
    public Dictionary<string, string> Environment(bool signatureSecret = true, string? clientSecret = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ROSSUM_API_TOKEN"] = ApiToken,
            ["COUPA_CLIENT_SECRET"] = clientSecret ?? Webhooks.Sandbox.Client.ClientSecret,
            ["COUPA_FUNCTION_KEY"] = FunctionKey,
            ["COUPAFUNCTIONS_RossumApi__RunPollIntervalSeconds"] = "0.05",
            ["COUPAFUNCTIONS_RossumApi__RetryBaseDelaySeconds"] = "0.02",
        };
        if (signatureSecret) environment["COUPA_WEBHOOK_SECRET"] = WebhookHarness.SignatureSecret;
        return environment;
    }

    public string[] Install(params string[] more) =>
    [
        "rossum", "install",
        "--rossum-url", Rossum.BaseUrl.ToString(),
        "--function-url", Webhooks.Server.BaseUrl.ToString(),
        "--coupa-url", Webhooks.Sandbox.Server.BaseUrl.ToString(),
        "--client-id", Webhooks.Sandbox.Client.ClientId,
        .. more,
    ];

    public string[] Invoke(string hook, params string[] more) => ["rossum", "invoke", hook, "--rossum-url", Rossum.BaseUrl.ToString(), .. more];

    public Task<CoupaProcess.Run> CoupaAsync(IDictionary<string, string>? environment, params string[] args) => CoupaProcess.RunAsync(environment ?? Environment(), args);

    public IReadOnlyList<FakeHook> Hooks => Rossum.Hooks.All();

    /// <summary>Our hooks by role key (<c>import:suppliers</c>, <c>export:invoice</c>, …).</summary>
    public Dictionary<string, FakeHook> Ours() => Hooks
        .Where(h => h.Fields["metadata"]?["coupa_functions"]?["role"] is JsonValue)
        .ToDictionary(h => (string)h.Fields["metadata"]!["coupa_functions"]!["role"]!);

    /// <summary>Creates and updates of hooks the fake received (invokes are not writes).</summary>
    public IReadOnlyList<FakeRequest> HookWrites() => Rossum.Requests.Snapshot()
        .Where(r => r.Path.StartsWith("/api/v1/hooks", StringComparison.Ordinal) && r.Method is "POST" or "PATCH" && !r.Path.EndsWith("/invoke", StringComparison.Ordinal))
        .ToList();

    /// <summary>A hook someone made by hand in Rossum's UI: no marker.</summary>
    public FakeHook AddForeignHook(string name, string url, string[]? events = null) => Rossum.Hooks.Add(new JsonObject
    {
        ["name"] = name,
        ["type"] = "webhook",
        ["active"] = true,
        ["events"] = new JsonArray((events ?? ["invocation.scheduled", "invocation.manual"]).Select(e => (JsonNode?)e).ToArray()),
        ["queues"] = new JsonArray(),
        ["config"] = new JsonObject { ["url"] = url, ["secret"] = null, ["schedule"] = new JsonObject { ["cron"] = "0 3 * * *" } },
        ["settings"] = new JsonObject { ["import_config"] = new JsonObject { ["dataset_name"] = "theirs" } },
        ["metadata"] = new JsonObject { ["owner"] = "someone else" },
        ["token_owner"] = null,
        ["token_lifetime_s"] = null,
    });

    /// <summary>No secret of this world in the text; <paramref name="allowed"/> may appear (a secret shown once on purpose).</summary>
    public void AssertNoSecret(string text, params string[] allowed)
    {
        string[] secrets = [ApiToken, FunctionKey, WebhookHarness.SignatureSecret, Webhooks.Sandbox.Client.ClientSecret, Webhooks.RossumToken];
        foreach (var secret in secrets.Where(s => !allowed.Contains(s)))
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => Webhooks.DisposeAsync();
}
