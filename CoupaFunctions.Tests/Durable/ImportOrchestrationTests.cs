using System.Collections.Concurrent;
using CoupaFunctions.Durable;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using static CoupaFunctions.Tests.Durable.DurableTestData;

namespace CoupaFunctions.Tests.Durable;

/// <summary>The orchestrator in the in-process Durable test host, with scripted activities.</summary>
public sealed class ImportOrchestrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<DurableTaskTestHost> HostAsync(Func<ImportSliceInput, Task<ImportSliceResult>> slice) =>
        StartHostAsync(registry =>
        {
            registry.AddOrchestratorFunc<ImportRunInput, ImportSummary?>(nameof(ImportOrchestration), ImportOrchestration.RunAsync);
            registry.AddActivityFunc<ImportSliceInput, ImportSliceResult>(nameof(ImportOrchestration.RunImportSlice), (_, input) => slice(input));
        }, Ct);

    internal static async Task<OrchestrationMetadata> RunAsync(DurableTaskTestHost host, ImportRunInput input)
    {
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ImportOrchestration), input, Ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }

    [Fact]
    public async Task Orchestration_CompletesOverSeveralSlices()
    {
        var calls = 0;
        await using var host = await HostAsync(_ => Task.FromResult(Slice(++calls < 3 ? ImportRunStatus.TimedOut : ImportRunStatus.Completed, calls * 100)));

        var done = await RunAsync(host, Input());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, calls);
        Assert.Equal(ImportRunStatus.Completed, done.ReadOutputAs<ImportSummary>()!.Status);
        Assert.Equal(300, done.ReadOutputAs<ImportSummary>()!.RecordsRead);
        Assert.Equal(3, done.ReadCustomStatusAs<ImportRunCustomStatus>()!.Slices);
    }

    [Fact]
    public async Task Orchestration_StopsAtMaxRunTime_WithTheLastSummary()
    {
        var budgets = new ConcurrentQueue<double>();
        await using var host = await HostAsync(async input =>
        {
            budgets.Enqueue(input.BudgetSeconds);
            await Task.Delay(TimeSpan.FromSeconds(input.BudgetSeconds), Ct);
            return Slice(ImportRunStatus.TimedOut);
        });

        var done = await RunAsync(host, Input(sliceSeconds: 0.4, maxRunTimeSeconds: 1));

        var summary = done.ReadOutputAs<ImportSummary>()!;
        Assert.Equal(ImportRunStatus.TimedOut, summary.Status);
        Assert.Contains("max_run_time_s (1 s)", summary.Error);
        Assert.InRange(budgets.Count, 2, 4);
        Assert.All(budgets, b => Assert.InRange(b, 0.0001, 0.4));
        // A slice never gets more than what is left of the run.
        Assert.True(budgets.Sum() <= 1.0 + 0.01, $"budgets {string.Join(", ", budgets)}");
    }

    [Fact]
    public async Task Orchestration_RetriesAFailedSlice()
    {
        var calls = 0;
        await using var host = await HostAsync(_ => ++calls == 1
            ? throw new ImportSliceFailedException("Coupa answered 503 too often")
            : Task.FromResult(Slice(ImportRunStatus.Completed)));

        var done = await RunAsync(host, Input());

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Orchestration_DoesNotRetryARefusedSlice_AndReportsWhy()
    {
        var calls = 0;
        await using var host = await HostAsync(_ =>
        {
            calls++;
            throw new ImportSliceRefusedException("No Coupa client secret for client id 'c1'.");
        });

        var input = Input();
        var done = await RunAsync(host, input);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(1, calls);
        var report = DurableRunReports.From(done, input);
        Assert.Equal(ImportRunPhase.Failed, report.Phase);
        Assert.Equal("No Coupa client secret for client id 'c1'.", report.Error);
    }

    [Fact]
    public async Task Orchestration_UnexpectedFailure_IsReportedWithoutItsMessage()
    {
        await using var host = await HostAsync(_ => throw new InvalidOperationException("internal detail /var/secret.db"));

        var input = Input(attempts: 1);
        var report = DurableRunReports.From(await RunAsync(host, input), input);

        Assert.Equal(ImportRunPhase.Failed, report.Phase);
        Assert.DoesNotContain("secret.db", report.Error);
        Assert.Contains(input.RunId, report.Error);
    }
}
