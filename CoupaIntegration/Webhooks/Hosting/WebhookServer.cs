using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Webhooks.Hosting;

/// <summary>
/// The import webhooks on Kestrel without the Functions host: the core, the in-process launcher and
/// <see cref="WebhookEndpoints"/>. `coupa serve` runs it until Ctrl-C; tests start one per test on a free port.
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. http://127.0.0.1:7071/</summary>
    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WebhookServer> StartAsync(WebhookServerOptions options, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // Only the settings given: no stray appsettings.json or unprefixed environment variables of the machine.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddConfiguration(options.Configuration);
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        builder.Logging.ClearProviders();
        options.ConfigureLogging?.Invoke(builder.Logging);

        options.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddCoupaIntegration(builder.Configuration);
        // One registration only: the container disposes it (cancelling runs) once, on shutdown.
        builder.Services.AddSingleton<IImportRunLauncher, InProcessImportRunLauncher>();

        var app = builder.Build();
        app.MapCoupaWebhooks();
        // Start-up validation (ValidateOnStart) runs here: a bad setting fails now, naming its key.
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebhookServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
