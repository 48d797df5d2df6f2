using CoupaSandbox.Auth;
using CoupaSandbox.Data;
using CoupaSandbox.Middleware;

namespace CoupaSandbox.Hosting;

/// <summary>Everything one sandbox instance shares between its middleware and endpoints (one per server, never static,
/// so several sandboxes can run side by side in one test process).</summary>
internal sealed class SandboxContext(SandboxOptions options, SandboxData data, SandboxClock clock)
{
    public SandboxOptions Options { get; } = options;

    public SandboxData Data { get; } = data;

    public SandboxClock Clock { get; } = clock;

    public SandboxRequestLog Log { get; } = new();

    public SandboxStats Stats { get; } = new();

    public TokenStore Tokens { get; } = new(TimeProvider.System);

    public LeakyBucket Bucket { get; } = new(options);

    public FaultInjector FaultRoller { get; } = new(options.Seed);
}
