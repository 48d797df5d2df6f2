using Azure.Monitor.OpenTelemetry.Exporter;
using CoupaIntegration.Telemetry;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CoupaFunctions.Extensions;

public static class TelemetryExtensions
{
    /// <summary>The standard Application Insights setting; the only one telemetry reads.</summary>
    public const string ConnectionStringSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>Traces of function invocations, from the worker's own source.</summary>
    public const string FunctionsWorkerSource = "Microsoft.Azure.Functions.Worker";

    /// <summary>
    /// OpenTelemetry to Application Insights when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set: ILogger output
    /// with scopes and every structured field, the app's meter (<see cref="CoupaMetrics.MeterName"/>), HttpClient and
    /// resilience metrics, invocation traces. Without the setting nothing is registered: the worker's defaults tell
    /// the host that the worker ships its own logs, so turning them on without an exporter would lose the logs.
    /// </summary>
    public static IServiceCollection AddCoupaTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration[ConnectionStringSetting];
        if (string.IsNullOrWhiteSpace(connectionString)) return services;

        services.Configure<OpenTelemetryLoggerOptions>(logging => logging.IncludeScopes = true);
        services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(FunctionsWorkerSource))
            // System.Net.Http: request durations and failures per Coupa/Rossum host; Polly: every retry and time-out by pipeline.
            .WithMetrics(metrics => metrics.AddMeter(CoupaMetrics.MeterName, "System.Net.Http", "Polly"))
            .UseAzureMonitorExporter(exporter =>
            {
                exporter.ConnectionString = connectionString;
                // Run events must reach the logs even when their invocation's trace is not sampled.
                exporter.EnableTraceBasedLogsSampler = false;
            });
        return services;
    }
}
