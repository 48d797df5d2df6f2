using Azure.Monitor.OpenTelemetry.Exporter;
using CoupaFunctions.Extensions;
using CoupaIntegration;
using CoupaIntegration.Imports;
using CoupaIntegration.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CoupaFunctions.Tests.Functions;

/// <summary>
/// The Function App's container, composed as Program.cs composes it, builds with telemetry on and off. Nothing is sent:
/// every endpoint of the dummy connection string is a closed loopback port and SDK statistics are switched off.
/// </summary>
public sealed class TelemetryExtensionsTests
{
    private const string DummyConnectionString =
        "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:9/;LiveEndpoint=https://127.0.0.1:9/";

    static TelemetryExtensionsTests() =>
        // The exporter's own usage statistics (statsbeat, "SDK stats") would ask Azure's instance metadata service and then
        // report to a Microsoft endpoint: neither belongs in a test. These are the exporter's opt-outs, old and new names.
        Array.ForEach(["APPLICATIONINSIGHTS_STATSBEAT_DISABLED", "APPLICATIONINSIGHTS_SDKSTATS_DISABLED", "APPLICATIONINSIGHTS_SDKSTATS_DISABLED_ALL"],
            name => Environment.SetEnvironmentVariable(name, "true"));

    [Fact]
    public void WithAConnectionString_TheRunEventsAndMetricsReachTheOpenTelemetryPipeline()
    {
        var metrics = new List<MetricSnapshot>();
        var logs = new List<(string? Event, Dictionary<string, string?> Fields)>();
        using var host = Build(DummyConnectionString, services => services
            // What could not be sent would otherwise be kept on disk for a later try.
            .Configure<AzureMonitorExporterOptions>(exporter => exporter.DisableOfflineStorage = true)
            // Beside Azure Monitor: what the pipeline hands its exporters, read back here.
            .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics))
            .ConfigureOpenTelemetryLoggerProvider(l => l.AddProcessor(new CopyingProcessor(logs))));

        Assert.NotNull(host.Services.GetService<TracerProvider>());
        // Providers start listening when first resolved (the host's start does it in the app).
        var meterProvider = host.Services.GetRequiredService<MeterProvider>();
        host.Services.GetRequiredService<RunTelemetry>().ImportEnded(new ImportRunEnd("run1", "suppliers", "suppliers", "789", ImportRunStatus.Completed,
            null, 1, false, 120, 100, 15, 5, 3, 2, TimeSpan.FromSeconds(4), null));
        meterProvider.ForceFlush();

        var read = Assert.Single(metrics, m => m.Name == CoupaMetrics.ImportRecordsRead && m.MeterName == CoupaMetrics.MeterName);
        var point = Assert.Single(read.MetricPoints);
        Assert.Equal(120, point.GetSumLong());
        var tags = new Dictionary<string, string?>();
        foreach (var tag in point.Tags) tags[tag.Key] = tag.Value?.ToString();
        Assert.Equal(new Dictionary<string, string?> { ["Function"] = "suppliers", ["Dataset"] = "suppliers", ["HookId"] = "789", ["Outcome"] = "completed" }, tags);
        var ended = Assert.Single(logs, l => l.Event == "ImportRunEnded");
        Assert.Equal("run1", ended.Fields["RunId"]);
        Assert.Equal("115", ended.Fields["RecordsWritten"]);
        Assert.Equal("2", ended.Fields["Retries"]);
    }

    [Fact]
    public void WithoutAConnectionString_NoOpenTelemetryIsRegistered_AndTheMeterStillRecords()
    {
        using var host = Build(null);

        Assert.Null(host.Services.GetService<MeterProvider>());
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.DoesNotContain(host.Services.GetServices<ILoggerProvider>(), p => p is OpenTelemetryLoggerProvider);
        Assert.NotNull(host.Services.GetRequiredService<CoupaMetrics>());
    }

    /// <summary>Program.cs's calls, in its order, over settings given here instead of the machine's.</summary>
    private static IHost Build(string? connectionString, Action<IServiceCollection>? more = null)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [TelemetryExtensions.ConnectionStringSetting] = connectionString,
            ["TASKHUB_NAME"] = "TelemetryTests",
        });
        builder.ConfigureFunctionsWebApplication();
        builder.UseErrorAnswers();
        builder.Services.AddCoupaIntegration(builder.Configuration);
        builder.Services.AddImportFunctions();
        builder.Services.AddCoupaTelemetry(builder.Configuration);
        more?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Copies each log record as it is emitted (the SDK reuses record objects).</summary>
    private sealed class CopyingProcessor(List<(string? Event, Dictionary<string, string?> Fields)> into) : BaseProcessor<LogRecord>
    {
        public override void OnEnd(LogRecord data)
        {
            var fields = new Dictionary<string, string?>();
            foreach (var (key, value) in data.Attributes ?? []) fields[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
            lock (into) into.Add((data.EventId.Name, fields));
        }
    }
}
