using CoupaIntegration.Rossum.Api;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaIntegration.Rossum.Setup;

public static class RossumSetupServiceCollectionExtensions
{
    /// <summary>Installing and invoking our hooks in a Rossum organisation: the Rossum API clients and the services of `coupa rossum`.</summary>
    public static IServiceCollection AddRossumSetup(this IServiceCollection services)
    {
        services.AddRossumApi();
        services.AddSingleton<SignatureSecretStore>();
        services.AddSingleton<HookInstaller>();
        services.AddSingleton<HookInvoker>();
        return services;
    }
}
