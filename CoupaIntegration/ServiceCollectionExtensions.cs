using CoupaIntegration.Coupa;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaIntegration;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// The whole core: Coupa client, import catalog and engine, and the Rossum Data Storage hub factory (hubs are made
    /// per hook call, from its base URL and token). Hosts add their triggers.
    /// </summary>
    public static IServiceCollection AddCoupaIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddCoupaClient();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(ImportCatalog.Default);
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportJobs>();
        services.AddRossumDataStorage();
        return services;
    }
}
