using CoupaFunctions.Durable;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using static CoupaFunctions.Tests.Durable.DurableTestData;

namespace CoupaFunctions.Tests.Durable;

/// <summary>The launcher over a real (in-memory) task hub, with an orchestration that runs until told to finish.</summary>
public sealed class DurableImportRunLauncherTests
{
    private const string Finish = "finish";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<DurableTaskTestHost> HostAsync() =>
        StartHostAsync(registry => registry.AddOrchestratorFunc<ImportRunInput, ImportSummary?>(nameof(ImportOrchestration), async (context, input) =>
        {
            context.SetCustomStatus(new ImportRunCustomStatus(1, new ImportProgress("r1", input.Job.DatasetName, 3, 150, 50, 0.25, TimeSpan.FromSeconds(3)), null));
            await context.WaitForExternalEvent<bool>(Finish);
            return Summary(ImportRunStatus.Completed, 600, input.Job.DatasetName);
        }), Ct);

    private static DurableImportRunLauncher Launcher(DurableTaskTestHost host) => new(host.Client, new DurableOptions());

    [Fact]
    public async Task Launcher_SecondStartForARunningDataset_FollowsTheRunningRun()
    {
        await using var host = await HostAsync();
        var launcher = Launcher(host);

        var first = await launcher.StartAsync(Job("suppliers"), Ct);
        var second = await launcher.StartAsync(Job("suppliers"), Ct);
        var other = await launcher.StartAsync(Job("purchase_orders"), Ct);

        Assert.False(first.AlreadyRunning);
        Assert.True(second.AlreadyRunning);
        Assert.Equal(first.RunId, second.RunId);
        Assert.False(other.AlreadyRunning);
        Assert.NotEqual(first.RunId, other.RunId);
        Assert.StartsWith(DurableImportRunLauncher.InstanceIdFor(Job("suppliers").DatasetKey) + "_", first.RunId);
    }

    [Fact]
    public async Task Launcher_ReportsProgressWhileRunning_AndTheSummaryWhenDone()
    {
        await using var host = await HostAsync();
        var launcher = Launcher(host);
        var ticket = await launcher.StartAsync(Job("suppliers"), Ct);
        var instanceId = DurableImportRunLauncher.InstanceIdFor(Job("suppliers").DatasetKey);
        await host.Client.WaitForInstanceStartAsync(instanceId, Ct);

        var running = await WaitAsync(launcher, ticket.RunId, r => r.Progress is not null);
        Assert.Equal(ImportRunPhase.Running, running.Phase);
        Assert.Equal(150, running.Progress!.Records);
        Assert.Equal("suppliers", running.Dataset);

        await host.Client.RaiseEventAsync(instanceId, Finish, true, Ct);
        await host.Client.WaitForInstanceCompletionAsync(instanceId, Ct);
        var done = (await launcher.GetAsync(ticket.RunId, Ct))!;
        Assert.Equal(ImportRunPhase.Completed, done.Phase);
        Assert.Equal(600, done.Summary!.RecordsRead);

        // The dataset is free again: a new run starts, and the old link no longer describes it.
        var next = await launcher.StartAsync(Job("suppliers"), Ct);
        Assert.False(next.AlreadyRunning);
        Assert.NotEqual(ticket.RunId, next.RunId);
        Assert.Null(await launcher.GetAsync(ticket.RunId, Ct));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("import-0000000000000000_000000000000")]
    public async Task Launcher_UnknownRunId_IsNotFound(string runId)
    {
        await using var host = await HostAsync();
        Assert.Null(await Launcher(host).GetAsync(runId, Ct));
    }

    private static async Task<ImportRunReport> WaitAsync(DurableImportRunLauncher launcher, string runId, Func<ImportRunReport, bool> until)
    {
        for (var i = 0; ; i++)
        {
            var report = await launcher.GetAsync(runId, Ct);
            if (report is not null && until(report)) return report;
            if (i > 200) Assert.Fail($"run {runId} never reached the expected state (last: {report?.Phase})");
            await Task.Delay(50, Ct);
        }
    }
}
