using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Hosting;

/// <summary>
/// The core's services for hosts without a generic host (the CLI, tests): the same registrations the
/// Function App makes plus the CLI's set-up tools, with start-up validation of every options class run on build.
/// </summary>
public static class CoupaServices
{
    public static ServiceProvider Build(IConfiguration configuration, Action<ILoggingBuilder>? logging = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(builder => logging?.Invoke(builder));
        services.AddCoupaIntegration(configuration);
        services.AddCoupaSetupTools();
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        // What ValidateOnStart does under a generic host: a bad setting fails here, naming its key.
        provider.GetRequiredService<IStartupValidator>().Validate();
        return provider;
    }
}
