using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RossumFake.DataStorage;
using RossumFake.Documents;
using RossumFake.Hooks;

namespace RossumFake;

/// <summary>
/// A Rossum stand-in on a free loopback port: Data Storage (in memory, per organisation, with asynchronous
/// operations), document content, hooks (list, create, update, invoke, logs) and queues, and tokens it issues and expires. <see cref="BaseUrl"/> plays the hook
/// payload's <c>base_url</c>.
/// </summary>
public sealed class RossumFakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RossumFakeServer(WebApplication app, RossumFakeOptions options, Uri baseUrl)
    {
        _app = app;
        Options = options;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }
    public RossumFakeOptions Options { get; }
    public FakeTokens Tokens => _app.Services.GetRequiredService<FakeTokens>();
    public FakeDataStorage DataStorage => _app.Services.GetRequiredService<FakeDataStorage>();
    public FakeDocuments Documents => _app.Services.GetRequiredService<FakeDocuments>();
    public FakeRequestLog Requests => _app.Services.GetRequiredService<FakeRequestLog>();
    public FakeHooks Hooks => _app.Services.GetRequiredService<FakeHooks>();

    /// <summary>An organisation's Data Storage, for assertions and seeding.</summary>
    public FakeDatabase Organisation(string name = FakeOrganisations.Default) => DataStorage.For(name);

    public static async Task<RossumFakeServer> StartAsync(RossumFakeOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RossumFakeOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FakeTokens>();
        builder.Services.AddSingleton<FakeDataStorage>();
        builder.Services.AddSingleton<FakeDocuments>();
        builder.Services.AddSingleton<FakeRequestLog>();
        builder.Services.AddSingleton<FakeHooks>();
        builder.Services.AddSingleton<FakeHookInvoker>();
        builder.Services.AddHttpClient();

        var app = builder.Build();
        app.UseMiddleware<FakeGatekeeper>();
        DataStorageRoutes.Map(app, app.Services.GetRequiredService<FakeDataStorage>());
        DocumentRoutes.Map(app, app.Services.GetRequiredService<FakeDocuments>());
        HookRoutes.Map(app, app.Services.GetRequiredService<FakeHooks>(), app.Services.GetRequiredService<FakeHookInvoker>(), options);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RossumFakeServer(app, options, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
