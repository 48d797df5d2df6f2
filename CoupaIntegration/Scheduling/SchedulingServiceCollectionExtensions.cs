using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Scheduled imports: options validated at start (every job, naming its key) and the due-job starter.</summary>
    public static IServiceCollection AddScheduledImports(this IServiceCollection services)
    {
        services.AddOptions<ScheduledImportOptions>().BindConfiguration(ScheduledImportOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduledImportOptions>, ScheduledImportOptionsValidator>();
        services.AddSingleton<ScheduledImportStarter>();
        return services;
    }
}
