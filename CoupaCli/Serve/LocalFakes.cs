using CoupaSandbox;
using RossumFake;

namespace CoupaCli.Serve;

/// <summary>The local Coupa sandbox and Rossum fake `coupa serve` may start beside the webhooks, stopped with it.</summary>
internal sealed class LocalFakes : IAsyncDisposable
{
    private LocalFakes(SandboxServer? sandbox, RossumFakeServer? rossum)
    {
        Sandbox = sandbox;
        Rossum = rossum;
        // As long as the longest token_lifetime_s Rossum grants a hook (7200 s).
        RossumToken = rossum?.Tokens.Mint(lifetime: TimeSpan.FromHours(2));
    }

    public SandboxServer? Sandbox { get; }
    public RossumFakeServer? Rossum { get; }
    public string? RossumToken { get; }

    public static async Task<LocalFakes> StartAsync(bool sandbox, bool rossum, CancellationToken cancellationToken) => new(
        sandbox ? await SandboxServer.StartAsync(new SandboxOptions(), cancellationToken) : null,
        rossum ? await RossumFakeServer.StartAsync(new RossumFakeOptions(), cancellationToken) : null);

    public async ValueTask DisposeAsync()
    {
        if (Sandbox is not null) await Sandbox.DisposeAsync();
        if (Rossum is not null) await Rossum.DisposeAsync();
    }
}
