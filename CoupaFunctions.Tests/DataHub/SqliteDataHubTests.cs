using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.DataHub;

public sealed class SqliteDataHubTests
{
    [Fact]
    public async Task Replace_NeverShowsAPartialDatasetToAConcurrentReader()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["currencies"] = 1_500;
            o.Faults.LatencyMs = 3;
        }, new Dictionary<string, string?> { ["Import:BatchSize"] = "50" });
        var plan = harness.Plan("currencies");
        Assert.Equal(ImportMethod.Replace, plan.Method);
        await harness.RunAsync(plan);
        harness.Sandbox.Data.Create("currencies", 100);

        var seen = new HashSet<long>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
                seen.Add(await harness.Hub.CountAsync("currencies", TestContext.Current.CancellationToken));
        }, TestContext.Current.CancellationToken);
        var summary = await harness.RunAsync(plan);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        stop.Cancel();
        await reader;

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.Equal(1_600, summary.Inserted);
        Assert.Subset(new HashSet<long> { 1_500, 1_600 }, seen);
        Assert.Contains(1_500L, seen);
        Assert.Equal(harness.SandboxIds("currencies"), await harness.IdsAsync("currencies"));
    }

    [Fact]
    public async Task Update_CountsInsertedUpdatedAndUnchanged()
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["tax_codes"] = 300);
        var everything = ImportSettingsParser.Empty.ImportConfig with
        {
            Query = ImportCatalog.Default.Get("tax_codes").DefaultQuery() with { Filters = new Dictionary<string, string>() },
        };
        var plan = harness.Plan("tax_codes", everything);
        await harness.RunAsync(plan);
        harness.Sandbox.Data.Update("tax_codes", 12);

        var again = await harness.RunAsync(plan);

        Assert.Equal((300L, 0L, 12L, 288L), (again.RecordsRead, again.Inserted, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task Datasets_AreListedWithCountsAndCheckpoints()
    {
        await using var harness = await ImportHarness.StartAsync(o => { o.Records["uoms"] = 30; o.Records["payment_terms"] = 20; });
        await harness.RunAsync(harness.Plan("units_of_measure"));
        await harness.RunAsync(harness.Plan("payment_terms"));

        var datasets = await harness.Hub.ListDatasetsAsync(TestContext.Current.CancellationToken);

        Assert.Equal([("payment_terms", 20L), ("uoms", 30L)], datasets.Select(d => (d.Name, d.Records)));
        Assert.All(datasets, d => Assert.NotNull(d.Checkpoint));
        Assert.All(datasets, d => Assert.False(d.HasUnfinishedRun));
    }
}
