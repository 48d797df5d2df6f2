using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaSandbox;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>A sandbox Coupa on loopback for one test, with settings builders pointing at it.</summary>
public sealed class Sandbox : IAsyncDisposable
{
    private Sandbox(SandboxServer server) => Server = server;

    public SandboxServer Server { get; }

    public SandboxData Data => Server.Data;

    public SandboxClient Client => Server.Options.Clients[0];

    public Secret Secret => new(Client.ClientSecret);

    /// <summary>Defaults for tests: no rate limit and no latency unless a test asks for them.</summary>
    public static async Task<Sandbox> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { RateLimitPerSecond = 0 };
        configure?.Invoke(options);
        return new Sandbox(await SandboxServer.StartAsync(options, TestContext.Current.CancellationToken));
    }

    /// <summary>Settings as a hook would send them, pointing at this sandbox.</summary>
    public ImportSettings Settings(ImportConfigSettings? config = null, int? maxRunTimeSeconds = null) => new(
        new CredentialsSettings(Client.ClientId, Server.BaseUrl.ToString(), null),
        config ?? ImportSettingsParser.Empty.ImportConfig,
        new JobRunSettings(maxRunTimeSeconds));

    /// <summary>Settings read from a real hook export, with only the Coupa host and client swapped for the sandbox's.</summary>
    public ImportSettings FromHookJson(string hookJson)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(hookJson);
        var settings = ImportSettingsParser.Parse(doc.RootElement.GetProperty("settings"), "$.settings");
        return settings with { Credentials = settings.Credentials with { BaseApiUrl = Server.BaseUrl.ToString(), ClientId = Client.ClientId } };
    }

    public IReadOnlyList<SandboxRequest> ApiRequests(string resource) =>
        Server.Requests.Snapshot().Where(r => r.Path.TrimEnd('/').Equals("/api/" + resource, StringComparison.OrdinalIgnoreCase)).ToList();

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
