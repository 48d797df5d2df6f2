using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Webhooks.Hosting;

/// <summary>How <see cref="WebhookServer"/> starts: where it listens, its settings, and what a host adds.</summary>
public sealed class WebhookServerOptions
{
    /// <summary>Listens on this interface only: loopback by default, since the webhooks carry secrets.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>0 picks a free port.</summary>
    public int Port { get; set; } = 7071;

    /// <summary>The app's settings (Webhooks:*, Secrets:*, Coupa:*, …); the only configuration source.</summary>
    public IConfiguration Configuration { get; set; } = new ConfigurationBuilder().Build();

    /// <summary>Runs before the core's registrations, so a host's (or test's) TokenCredential or HTTP handlers win.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
