using CoupaIntegration.Common;
using CoupaIntegration.Rossum.DataStorage;
using RossumFake;
using RossumFake.DataStorage;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>A Rossum fake on loopback plus the core's real services (fast polls and retries): what a hub test needs.</summary>
public sealed class FakeRossum : IAsyncDisposable
{
    private FakeRossum(RossumFakeServer server, TestServices services)
    {
        Server = server;
        Services = services;
        Token = server.Tokens.Mint();
    }

    public RossumFakeServer Server { get; }
    public TestServices Services { get; }

    /// <summary>A token of the default organisation, as a hook payload would bring it.</summary>
    public string Token { get; }

    public FakeDatabase Storage => Server.Organisation();

    public RossumDataStorageFactory Factory => Services.Get<RossumDataStorageFactory>();

    public RossumDataStorageHub Hub(string? token = null) => Factory.CreateHub(Server.BaseUrl, new PayloadTokenSource(new Secret(token ?? Token)));

    public RossumDataStorageHub Hub(IRossumTokenSource tokens) => Factory.CreateHub(Server.BaseUrl, tokens);

    public static async Task<FakeRossum> StartAsync(Action<RossumFakeOptions>? configure = null, IDictionary<string, string?>? settings = null)
    {
        var options = new RossumFakeOptions { OperationDelay = TimeSpan.FromMilliseconds(10) };
        configure?.Invoke(options);
        var values = Settings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        return new FakeRossum(await RossumFakeServer.StartAsync(options, TestContext.Current.CancellationToken), TestServices.Create(values));
    }

    /// <summary>Polls and retries in milliseconds, so tests that wait for operations stay fast.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["RossumDataStorage:OperationPollIntervalSeconds"] = "0.02",
        ["RossumDataStorage:RetryBaseDelaySeconds"] = "0.01",
        ["RossumDataStorage:RetryMaxDelaySeconds"] = "0.05",
        ["RossumDataStorage:MaxRetryAttempts"] = "3",
    };

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Services.DisposeAsync();
    }
}
