using CoupaIntegration.Coupa;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage;
using CoupaIntegration.Rossum.Setup;
using CoupaIntegration.Telemetry;
using CoupaIntegration.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaIntegration;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The whole core: Coupa client, import catalog and engine, and the Rossum Data Storage hub factory (hubs are made
    /// per hook call, from its base URL and token), and the webhook layer. Hosts add their triggers and launcher.
    /// </summary>
    public static IServiceCollection AddCoupaIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddCoupaMetrics();
        services.AddCoupaClient();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(ImportCatalog.Default);
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportJobs>();
        services.AddRossumDataStorage();
        services.AddCoupaWebhooks();
        return services;
    }

    /// <summary>
    /// The set-up tools of the CLI (`coupa doctor`, `coupa rossum install|invoke`). Kept out of
    /// <see cref="AddCoupaIntegration"/> so the Function App neither registers nor reads their settings (RossumApi:*):
    /// every setting it reads must be one the Bicep sets.
    /// </summary>
    public static IServiceCollection AddCoupaSetupTools(this IServiceCollection services)
    {
        services.AddSingleton<Coupa.Diagnostics.CoupaDoctor>();
        services.AddRossumSetup();
        return services;
    }
}
