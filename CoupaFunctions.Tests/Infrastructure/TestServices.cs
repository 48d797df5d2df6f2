using CoupaIntegration.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>The core's real services, with short retry delays and every log line captured for assertions.</summary>
public sealed class TestServices : IAsyncDisposable
{
    private TestServices(ServiceProvider provider)
    {
        Provider = provider;
        Logs = provider.GetFakeLogCollector();
    }

    public ServiceProvider Provider { get; }

    public FakeLogCollector Logs { get; }

    public T Get<T>() where T : notnull => Provider.GetRequiredService<T>();

    public static TestServices Create(IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Coupa:RetryBaseDelaySeconds"] = "0.02",
            ["Coupa:RetryMaxDelaySeconds"] = "0.3",
            ["Coupa:MaxRetryAttempts"] = "10",
            ["Coupa:RequestsPerSecond"] = "1000",
            ["Coupa:RateLimitBurst"] = "50",
            ["Import:PageConcurrency"] = "8",
            ["Import:BatchSize"] = "200",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new TestServices(CoupaServices.Build(configuration, logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging()));
    }

    /// <summary>Every captured log line, formatted, with its structured values: what a secret must never be in.</summary>
    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r =>
        r.Message + " " + string.Join(' ', r.StructuredState?.Select(kv => kv.Value) ?? []) + " " + r.Exception));

    public ValueTask DisposeAsync() => Provider.DisposeAsync();
}
