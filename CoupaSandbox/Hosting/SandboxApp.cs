using System.Net;
using CoupaSandbox.Admin;
using CoupaSandbox.Api;
using CoupaSandbox.Auth;
using CoupaSandbox.Middleware;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoupaSandbox.Hosting;

/// <summary>Builds the web application: Kestrel on the requested address, quiet logging, the /api middleware chain and
/// the endpoints.</summary>
internal static class SandboxApp
{
    public static WebApplication Build(SandboxContext sandbox)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ApplicationName = typeof(SandboxApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        // The host process's appsettings/env (a test project, the CLI) must not reconfigure the sandbox or its logging.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton(sandbox);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var app = builder.Build();
        // Through app.Urls rather than Kestrel.Listen: with an explicit address the host ignores ASPNETCORE_URLS /
        // ASPNETCORE_HTTP_PORTS (set in .NET container images) instead of warning on every start.
        app.Urls.Add(ListenUrl(sandbox.Options.Host, sandbox.Options.Port));
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api =>
        {
            // Order matters: the gateway throttles before it authenticates; faults hit only requests that got through.
            api.UseMiddleware<RateLimitMiddleware>();
            api.UseMiddleware<ApiAuthMiddleware>();
            api.UseMiddleware<FaultMiddleware>();
            api.UseMiddleware<ChurnMiddleware>();
        });
        TokenEndpoint.Map(app);
        Api.Invoices.InvoiceEndpoints.Map(app);
        ResourceEndpoints.Map(app);
        AdminEndpoints.Map(app);
        return app;
    }

    private static string ListenUrl(string host, int port)
    {
        var address = host.Trim() switch
        {
            "localhost" => IPAddress.Loopback, // Kestrel cannot pick a dynamic port for "localhost"
            "*" or "+" or "" => IPAddress.Any,
            var h when IPAddress.TryParse(h, out var ip) => ip,
            var h => throw new ArgumentException($"SandboxOptions.Host '{h}' must be an IP address, 'localhost' or '*'."),
        };
        string text = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return $"http://{text}:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
