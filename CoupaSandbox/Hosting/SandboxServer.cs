using System.Net;
using CoupaSandbox.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CoupaSandbox;

/// <summary>A running simulated Coupa instance on a local port. Start it, point a client at <see cref="BaseUrl"/>,
/// dispose it when done. Several can run in one process.</summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Hosting.SandboxContext _sandbox;
    private int _disposed;

    private SandboxServer(WebApplication app, Hosting.SandboxContext sandbox, Uri baseUrl)
    {
        _app = app;
        _sandbox = sandbox;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. http://127.0.0.1:43121/ (always with a trailing slash).</summary>
    public Uri BaseUrl { get; }

    public SandboxOptions Options => _sandbox.Options;

    public SandboxData Data => _sandbox.Data;

    public SandboxRequestLog Requests => _sandbox.Log;

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
            throw new ArgumentOutOfRangeException(nameof(options), $"SandboxOptions.Port {options.Port} is not a TCP port.");
        options.Faults ??= new FaultOptions();
        options.Clients ??= [];
        var clock = new SandboxClock(SandboxClock.ParseOffset(options.UtcOffset), TimeProvider.System);
        var data = new SandboxData(options, clock);
        if (options.Churn is { } churn)
            _ = data.Count(churn.Resource); // fail now, not on the Nth request, if the churn resource is misspelled
        var sandbox = new Hosting.SandboxContext(options, data, clock);
        var app = Hosting.SandboxApp.Build(sandbox);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        int port = new Uri(address).Port;
        return new SandboxServer(app, sandbox, new Uri($"http://{PublicHost(options.Host)}:{port}/"));
    }

    /// <summary>Every token issued so far answers 401 from now on; clients must fetch a new one.</summary>
    public void ExpireAllTokens() => _sandbox.Tokens.ExpireAll();

    /// <summary>Access tokens issued and still held (not expired by <see cref="ExpireAllTokens"/>): for asserting none leaks.</summary>
    public IReadOnlyCollection<string> IssuedTokens() => _sandbox.Tokens.Snapshot();

    /// <summary>Completes when the host stops (Ctrl+C / SIGTERM) or <paramref name="ct"/> is cancelled; it does not throw on
    /// cancellation and does not dispose the server.</summary>
    public async Task WaitForShutdownAsync(CancellationToken ct)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var lifetime = _app.Services.GetRequiredService<IHostApplicationLifetime>();
        using var onStopping = lifetime.ApplicationStopping.Register(() => stopped.TrySetResult());
        using var onCancel = ct.Register(() => stopped.TrySetResult());
        await stopped.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static string PublicHost(string host)
    {
        string trimmed = host.Trim();
        if (trimmed is "" or "*" or "+" || (IPAddress.TryParse(trimmed, out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))))
            return "127.0.0.1";
        return ip?.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{trimmed}]" : trimmed;
    }
}
