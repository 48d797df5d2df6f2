using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Coupa;

/// <summary>What real Coupa instances throw at a long run, absorbed without losing or repeating a record.</summary>
public sealed class CoupaResilienceTests
{
    [Fact]
    public async Task RateLimit429s_AreRetriedAndTheRunCompletes()
    {
        // The client is allowed to send faster than the sandbox accepts, so 429s (without Retry-After) happen.
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["suppliers"] = 1_500;
            o.RateLimitPerSecond = 25;
            o.RateLimitBurst = 5;
        }, new Dictionary<string, string?> { ["Coupa:RequestsPerSecond"] = "200", ["Coupa:RateLimitBurst"] = "20" });

        var summary = await harness.RunAsync(harness.Plan("suppliers"));

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.Contains(harness.Sandbox.Server.Requests.Snapshot(), r => r.Status == 429);
        Assert.Equal(harness.SandboxIds("suppliers"), await harness.IdsAsync("suppliers"));
    }

    [Fact]
    public async Task ClientRateLimiter_KeepsUnderCoupasLimit_SoNo429sHappen()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["suppliers"] = 600;
            o.RateLimitPerSecond = 25;
            o.RateLimitBurst = 20;
        }, new Dictionary<string, string?> { ["Coupa:RequestsPerSecond"] = "24", ["Coupa:RateLimitBurst"] = "10" });

        var summary = await harness.RunAsync(harness.Plan("suppliers"));

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.DoesNotContain(harness.Sandbox.Server.Requests.Snapshot(), r => r.Status == 429);
    }

    [Fact]
    public async Task ServerErrors_DroppedConnections_AndMalformedJson_AreAbsorbed()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["lookup_values"] = 3_000;
            o.Faults.ServerErrorRate = 0.15;
            o.Faults.DropConnectionRate = 0.05;
            o.Faults.MalformedJsonRate = 0.05;
        });

        var summary = await harness.RunAsync(harness.Plan("lookup_values"));

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.Contains(harness.Sandbox.Server.Requests.Snapshot(), r => r.Status >= 500);
        Assert.Equal(harness.SandboxIds("lookup_values"), await harness.IdsAsync("lookup_values"));
    }

    [Fact]
    public async Task TokenExpiringMidRun_IsMintedAgainAndTheRunCompletes()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["suppliers"] = 3_000;
            o.Faults.LatencyMs = 5;
        });
        using var stop = new CancellationTokenSource();
        var expirer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(150, TestContext.Current.CancellationToken);
                harness.Sandbox.Server.ExpireAllTokens();
            }
        }, TestContext.Current.CancellationToken);

        var summary = await harness.RunAsync(harness.Plan("suppliers"));
        stop.Cancel();
        await expirer;

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.Contains(harness.Sandbox.Server.Requests.Snapshot(), r => r.Status == 401);
        Assert.True(harness.Sandbox.Server.Requests.Snapshot().Count(r => r.Path == "/oauth2/token") > 1);
        Assert.Equal(harness.SandboxIds("suppliers"), await harness.IdsAsync("suppliers"));
    }
}
