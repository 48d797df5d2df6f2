using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.Webhooks;
using CoupaIntegration.Webhooks;
using CoupaIntegration.Webhooks.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using RossumFake;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>
/// `coupa serve`'s server (<see cref="WebhookServer"/>) on loopback with a Coupa sandbox, a Rossum fake and a fake
/// Key Vault behind the real SecretClient: hook calls go over real HTTP, signed like Rossum signs them. Every
/// response is kept, so a test can prove no secret ever appeared in one (or in a log line).
/// </summary>
public sealed class WebhookHarness : IAsyncDisposable
{
    public const string SignatureSecret = "hook-config-secret-b41c";

    private readonly ServiceProvider _clients;
    private readonly List<string> _responses = [];

    private WebhookHarness(Sandbox sandbox, RossumFakeServer rossum, FakeKeyVault keyVault, FakeAzureCredential credential, WebhookServer server)
    {
        Credential = credential;
        Sandbox = sandbox;
        Rossum = rossum;
        KeyVault = keyVault;
        Server = server;
        RossumToken = rossum.Tokens.Mint(lifetime: TimeSpan.FromHours(2));
        _clients = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        Http = _clients.GetRequiredService<IHttpClientFactory>().CreateClient();
    }

    public Sandbox Sandbox { get; }
    public RossumFakeServer Rossum { get; }
    public FakeKeyVault KeyVault { get; }
    public FakeAzureCredential Credential { get; }
    public WebhookServer Server { get; }
    public HttpClient Http { get; }

    /// <summary>The hook call's token, as Rossum puts it in the payload.</summary>
    public string RossumToken { get; }

    public FakeLogCollector Logs => Server.Services.GetFakeLogCollector();

    /// <param name="keyVault">Sets Secrets:KeyVaultUri to the fake vault (else no Key Vault at all).</param>
    /// <param name="settings">App settings over the test defaults (fast retries, the signature secret).</param>
    public static async Task<WebhookHarness> StartAsync(Action<CoupaSandbox.SandboxOptions>? sandbox = null,
        IDictionary<string, string?>? settings = null, bool keyVault = false)
    {
        var values = new Dictionary<string, string?>
        {
            ["Coupa:RetryBaseDelaySeconds"] = "0.02",
            ["Coupa:RetryMaxDelaySeconds"] = "0.3",
            ["Coupa:RequestsPerSecond"] = "1000",
            ["Coupa:RateLimitBurst"] = "50",
            ["Import:PageConcurrency"] = "4",
            ["Import:BatchSize"] = "100",
            ["Webhooks:SignatureSecret"] = SignatureSecret,
        };
        foreach (var (key, value) in FakeRossum.Settings()) values[key] = value;
        if (keyVault) values["Secrets:KeyVaultUri"] = FakeKeyVault.VaultUri;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        var fakeVault = new FakeKeyVault();
        var credential = new FakeAzureCredential();
        var coupa = await Sandbox.StartAsync(sandbox);
        var rossum = await RossumFakeServer.StartAsync(new RossumFakeOptions { OperationDelay = TimeSpan.FromMilliseconds(10) }, TestContext.Current.CancellationToken);
        var server = await WebhookServer.StartAsync(new WebhookServerOptions
        {
            Port = 0,
            Configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build(),
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging(),
            ConfigureServices = services =>
            {
                // Registered before the core, which only adds DefaultAzureCredential when no credential is there.
                services.AddSingleton<TokenCredential>(credential);
                services.AddHttpClient(WebhookServiceCollectionExtensions.KeyVaultHttpClientName).ConfigurePrimaryHttpMessageHandler(() => fakeVault);
            },
        }, TestContext.Current.CancellationToken);
        return new WebhookHarness(coupa, rossum, fakeVault, credential, server);
    }

    /// <summary>Hook settings pointing at the sandbox, as a Rossum hook would hold them.</summary>
    public JsonObject Settings(JsonObject? importConfig = null) => new()
    {
        ["credentials"] = new JsonObject { ["base_api_url"] = Sandbox.Server.BaseUrl.ToString(), ["client_id"] = Sandbox.Client.ClientId },
        ["import_config"] = importConfig ?? new JsonObject(),
    };

    /// <summary>An invocation.manual payload as Rossum sends it: settings, secrets, base_url of the fake, its token.</summary>
    public JsonObject Payload(JsonObject settings, string? clientSecret = "", string? token = "")
    {
        var payload = new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = "2026-12-01T10:00:00.000000Z",
            ["hook"] = new Uri(Rossum.BaseUrl, "api/v1/hooks/339158").ToString(),
            ["action"] = "manual",
            ["event"] = "invocation",
            ["settings"] = settings.DeepClone(),
            ["base_url"] = Rossum.BaseUrl.GetLeftPart(UriPartial.Authority),
        };
        // "" means the usual value, null leaves the key out.
        if ((clientSecret == "" ? Sandbox.Client.ClientSecret : clientSecret) is { } secret)
            payload["secrets"] = new JsonObject { ["client_secret"] = secret };
        if ((token == "" ? RossumToken : token) is { } t)
            payload["rossum_authorization_token"] = t;
        return payload;
    }

    public static string Sign(string body, string secret = SignatureSecret) => WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), new Secret(secret));

    /// <summary>POSTs the body as Rossum would, signed with the hook's secret unless a signature (or "" for none) is given.</summary>
    public async Task<Answer> PostAsync(string path, string body, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Server.BaseUrl, path)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        signature ??= Sign(body);
        if (signature.Length > 0) request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        return await SendAsync(request);
    }

    public Task<Answer> PostAsync(string path, JsonObject payload) => PostAsync(path, payload.ToJsonString());

    public async Task<Answer> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Server.BaseUrl, url));
        return await SendAsync(request);
    }

    /// <summary>Polls a status URL as Rossum does (GET until anything but 200), quickly; fails after a minute.</summary>
    public async Task<Answer> PollUntilDoneAsync(string location, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var answer = await GetAsync(location);
            if (answer.Status != HttpStatusCode.OK) return answer;
            Assert.True(DateTime.UtcNow < deadline, $"Still running after the time limit: {answer.Text}");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Documents of a dataset in the fake's Data Storage, without the storage's own <c>_id</c>.</summary>
    public List<JsonObject> Stored(string dataset) =>
        Rossum.Organisation().Documents(dataset).Select(d =>
        {
            var copy = d.DeepClone().AsObject();
            copy.Remove("_id");
            return copy;
        }).ToList();

    public List<long> StoredIds(string dataset)
    {
        var ids = Stored(dataset).Select(d => d["id"]!.GetValue<long>()).Order().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    public List<long> SandboxIds(string resource) => Sandbox.Data.All(resource).Select(r => (long)r["id"]!).Order().ToList();

    /// <summary>No secret in any response body or header this harness saw, nor in any log line of the server.</summary>
    public void AssertNoSecretLeaked(params string[] more)
    {
        var logs = string.Join('\n', Logs.GetSnapshot().Select(r =>
            r.Message + " " + string.Join(' ', r.StructuredState?.Select(kv => kv.Value) ?? []) + " " + r.Exception));
        string[] secrets = [SignatureSecret, Sandbox.Client.ClientSecret, RossumToken, FakeAzureCredential.AccessToken, .. KeyVault.Secrets.Values, .. more];
        foreach (var secret in secrets.Where(s => s.Length > 0))
        {
            lock (_responses) Assert.DoesNotContain(_responses, r => r.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }
    }

    private async Task<Answer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        lock (_responses) _responses.Add(response.Headers + "\n" + response.Content.Headers + "\n" + text);
        return new Answer(response.StatusCode, text, response.Headers.Location?.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Rossum.DisposeAsync();
        await Sandbox.DisposeAsync();
        await _clients.DisposeAsync();
    }

    /// <summary>A response: status, body (JSON where the app answered), Location.</summary>
    public sealed record Answer(HttpStatusCode Status, string Text, string? Location)
    {
        public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

        public override string ToString() => $"{(int)Status} {Text}";
    }
}
