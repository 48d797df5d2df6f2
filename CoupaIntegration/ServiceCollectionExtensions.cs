using CoupaIntegration.Coupa;
using CoupaIntegration.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaIntegration;

public static class ServiceCollectionExtensions
{
    /// <summary>The whole core: Coupa client, import catalog and engine. Hosts add their data hub and triggers.</summary>
    public static IServiceCollection AddCoupaIntegration(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration);
        services.AddCoupaClient();
        services.AddOptions<ImportOptions>().BindConfiguration(ImportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(ImportCatalog.Default);
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<ImportJobs>();
        return services;
    }
}
