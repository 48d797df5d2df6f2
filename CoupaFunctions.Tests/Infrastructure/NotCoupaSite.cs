using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>
/// A web server on loopback that is not Coupa: every request gets one HTML page with the given status, as a
/// mistyped host (a company site, a login page, a proxy's 404) would answer. Counts what it was sent.
/// </summary>
public sealed class NotCoupaSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private NotCoupaSite(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<NotCoupaSite> StartAsync(HttpStatusCode status)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        NotCoupaSite? site = null;
        app.Run(async context =>
        {
            Interlocked.Increment(ref site!._requests);
            context.Response.StatusCode = (int)status;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("<!DOCTYPE html><html><head><title>Acme Corp</title></head><body><h1>Page not here</h1></body></html>");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        site = new NotCoupaSite(app, new Uri(address.TrimEnd('/') + "/"));
        return site;
    }

    /// <summary>A loopback port nothing listens on: bound once by the OS, then released.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
