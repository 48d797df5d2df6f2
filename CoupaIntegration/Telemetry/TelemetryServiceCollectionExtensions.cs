using Microsoft.Extensions.DependencyInjection;

namespace CoupaIntegration.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// The meter and the run events, in every host. They only record: exporting them (Azure Monitor in the Function
    /// App) is the host's choice, and without an exporter a listener such as a test's still sees every measurement.
    /// </summary>
    public static IServiceCollection AddCoupaMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<CoupaMetrics>();
        services.AddSingleton<RunTelemetry>();
        return services;
    }
}
