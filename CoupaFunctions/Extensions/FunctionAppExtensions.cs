using CoupaFunctions.Durable;
using CoupaFunctions.Http;
using CoupaFunctions.Middleware;
using CoupaIntegration.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoupaFunctions.Extensions;

public static class FunctionAppExtensions
{
    /// <summary>What the triggers need on top of the core: Durable limits, the launcher factory, status links and scheduled imports.</summary>
    public static IServiceCollection AddImportFunctions(this IServiceCollection services)
    {
        services.AddOptions<DurableOptions>().BindConfiguration(DurableOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StatusLinkOptions>().BindConfiguration(StatusLinkOptions.SectionName);
        services.AddSingleton<DurableLaunchers>();
        services.AddScheduledImports();
        return services;
    }

    /// <summary>One middleware turns escaped exceptions into JSON answers (HTTP only; other triggers rethrow).</summary>
    public static IFunctionsWorkerApplicationBuilder UseErrorAnswers(this IFunctionsWorkerApplicationBuilder builder) =>
        builder.UseMiddleware<ExceptionHandlingMiddleware>();
}
