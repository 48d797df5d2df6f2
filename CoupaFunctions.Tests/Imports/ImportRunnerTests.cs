using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Imports;

/// <summary>The no-loss, no-duplicate promise of the import engine, against the sandbox over loopback HTTP.</summary>
public sealed class ImportRunnerTests
{
    private static ImportConfigSettings Config(string? orderBy = null, string? dir = null, string dataset = "suppliers") =>
        ImportSettingsParser.Empty.ImportConfig with
        {
            DatasetName = dataset,
            Query = ImportCatalog.Default.Get("suppliers").DefaultQuery() with { OrderBy = orderBy ?? "id", Dir = dir },
        };

    [Theory]
    [InlineData("id", null)]
    [InlineData("created_at", null)]
    [InlineData("created_at", "desc")]
    [InlineData("updated_at", "desc")]
    public async Task Import_Of10kRecords_EqualsCoupaExactly_WhateverTheOrder(string orderBy, string? dir)
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["suppliers"] = 10_000);

        var summary = await harness.RunAsync(harness.Plan("suppliers", Config(orderBy, dir)));

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.Equal(10_000, summary.RecordsRead);
        Assert.Equal(10_000, summary.Inserted);
        Assert.Equal(harness.SandboxIds("suppliers"), await harness.IdsAsync("suppliers"));
    }

    [Fact]
    public async Task Import_WhileCoupaRecordsChange_LosesAndRepeatsNothing_AndTheNextRunCatchesUp()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["suppliers"] = 10_000;
            o.Churn = new CoupaSandbox.ChurnOptions { Resource = "suppliers", EveryNRequests = 3, UpdateCount = 5, CreateCount = 2 };
        });
        var existingAtStart = harness.SandboxIds("suppliers");

        var first = await harness.RunAsync(harness.Plan("suppliers", Config()));

        Assert.True(first.Status == ImportRunStatus.Completed, first.Error);
        var imported = await harness.IdsAsync("suppliers");
        // Every record that existed when the run started is there once; records created meanwhile may or may not be.
        Assert.Empty(existingAtStart.Except(imported));

        harness.Sandbox.Server.Options.Churn = null;
        var second = await harness.RunAsync(harness.Plan("suppliers", Config()));

        Assert.True(second.Status == ImportRunStatus.Completed, second.Error);
        Assert.Equal(harness.SandboxIds("suppliers"), await harness.IdsAsync("suppliers"));
        var coupa = harness.Sandbox.Data.All("suppliers").ToDictionary(r => (long)r["id"]!, r => r["updated-at"]!.ToString());
        foreach (var record in await harness.ReadAsync("suppliers"))
            Assert.Equal(coupa[record.GetProperty("id").GetInt64()], record.GetProperty("updated-at").GetString());
    }

    [Fact]
    public async Task IncrementalRun_ImportsExactlyTheChangedRecords()
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["suppliers"] = 2_000);
        var plan = harness.Plan("suppliers", Config());
        var first = await harness.RunAsync(plan);
        Assert.Equal(2_000, first.RecordsRead);

        var changed = harness.Sandbox.Data.Update("suppliers", 25).Concat(harness.Sandbox.Data.Create("suppliers", 5)).Order().ToList();
        harness.Sandbox.Server.Requests.Clear();
        var second = await harness.RunAsync(plan);

        Assert.True(second.Status == ImportRunStatus.Completed, second.Error);
        Assert.Equal(30, second.RecordsRead);
        Assert.Equal(5, second.Inserted);
        Assert.Equal(25, second.Updated);
        Assert.Equal(first.Checkpoint, DateTimeOffset.Parse(harness.Sandbox.ApiRequests("suppliers")[0].Query["updated-at[gt_or_eq]"]));
        Assert.True(second.Checkpoint >= first.Checkpoint);
        Assert.Equal(2_005, await harness.Hub.CountAsync("suppliers", TestContext.Current.CancellationToken));
        Assert.Equal(changed.Count, changed.Distinct().Count());
    }

    [Fact]
    public async Task FirstRun_FiltersFromTheEpoch_AndAFailedRunDoesNotMoveTheCheckpoint()
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["suppliers"] = 120);
        var plan = harness.Plan("suppliers", Config());

        harness.Sandbox.Server.Options.Faults.FailNextRequests = 1000;
        harness.Sandbox.Server.Options.Faults.FailStatus = 400;
        var failed = await harness.RunAsync(plan);
        Assert.Equal(ImportRunStatus.Failed, failed.Status);
        Assert.Equal(CoupaIntegration.Common.FailureKind.Configuration, failed.FailureKind);
        Assert.False(failed.IsRetryable);
        Assert.Null(await harness.Hub.GetCheckpointAsync("suppliers", TestContext.Current.CancellationToken));

        harness.Sandbox.Server.Options.Faults.FailNextRequests = 0;
        harness.Sandbox.Server.Requests.Clear();
        var completed = await harness.RunAsync(plan);

        Assert.True(completed.Status == ImportRunStatus.Completed, completed.Error);
        Assert.All(harness.Sandbox.ApiRequests("suppliers"), r => Assert.Equal("1970-01-01T00:00:00Z", r.Query["updated-at[gt_or_eq]"]));
        Assert.NotNull(await harness.Hub.GetCheckpointAsync("suppliers", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(101)]
    public async Task PageBoundaries_EmptyAndExactlyFullPages_AreImportedWhole(int records)
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["uoms"] = records, new Dictionary<string, string?> { ["Import:PageConcurrency"] = "1" });

        var summary = await harness.RunAsync(harness.Plan("units_of_measure"));

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.Equal(records, summary.RecordsRead);
        Assert.Equal(harness.SandboxIds("uoms"), await harness.IdsAsync("uoms"));
    }

    [Fact]
    public async Task RunCutShortByMaxRunTime_ResumesWhereItsDataWasWritten()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["suppliers"] = 3_000;
            o.Faults.LatencyMs = 100;
        }, new Dictionary<string, string?> { ["Import:PageConcurrency"] = "2", ["Import:BatchSize"] = "50" });
        var plan = harness.Plan("suppliers", Config(), maxRunTimeSeconds: 1);

        var cut = await harness.RunAsync(plan);
        Assert.Equal(ImportRunStatus.TimedOut, cut.Status);
        Assert.InRange(cut.RecordsRead, 1, 2_999);
        Assert.Null(await harness.Hub.GetCheckpointAsync("suppliers", TestContext.Current.CancellationToken));
        var writtenBefore = await harness.Hub.CountAsync("suppliers", TestContext.Current.CancellationToken);

        harness.Sandbox.Server.Options.Faults.LatencyMs = 0;
        harness.Sandbox.Server.Requests.Clear();
        var resumed = await harness.RunAsync(harness.Plan("suppliers", Config(), maxRunTimeSeconds: 600));

        Assert.True(resumed.Status == ImportRunStatus.Completed, resumed.Error);
        Assert.True(resumed.Resumed);
        Assert.Equal(cut.RunId, resumed.RunId);
        Assert.Equal(3_000, resumed.RecordsRead);
        // Only what was not yet written was read again: nothing re-read from the slices already stored.
        Assert.InRange(harness.Sandbox.ApiRequests("suppliers").Count, 1, (3_000 - writtenBefore) / 50 + 20);
        Assert.Equal(harness.SandboxIds("suppliers"), await harness.IdsAsync("suppliers"));
    }

    [Fact]
    public async Task CancelledRun_ResumesAndCompletesWithoutDuplicates_EvenForInsert()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["lookup_values"] = 2_000;
            o.Faults.LatencyMs = 100;
        }, new Dictionary<string, string?> { ["Import:PageConcurrency"] = "3", ["Import:BatchSize"] = "50" });
        var config = ImportSettingsParser.Empty.ImportConfig with { Method = ImportMethod.Insert };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700));

        var cut = await harness.RunAsync(harness.Plan("lookup_values", config), cancel.Token);
        Assert.Equal(ImportRunStatus.Cancelled, cut.Status);

        var resumed = await harness.RunAsync(harness.Plan("lookup_values", config));
        Assert.True(resumed.Status == ImportRunStatus.Completed, resumed.Error);
        Assert.Equal(2_000, resumed.Inserted);
        Assert.Equal(harness.SandboxIds("lookup_values"), await harness.IdsAsync("lookup_values"));
    }

    [Fact]
    public async Task ChangedSettings_DiscardTheUnfinishedRunAndStartOver()
    {
        await using var harness = await ImportHarness.StartAsync(o => { o.Records["suppliers"] = 1_000; o.Faults.LatencyMs = 100; },
            new Dictionary<string, string?> { ["Import:PageConcurrency"] = "1", ["Import:BatchSize"] = "50" });
        var cut = await harness.RunAsync(harness.Plan("suppliers", Config(), maxRunTimeSeconds: 1));
        Assert.Equal(ImportRunStatus.TimedOut, cut.Status);

        var other = Config() with { RecordsPerRequest = 40 };
        var fresh = await harness.RunAsync(harness.Plan("suppliers", other));

        Assert.False(fresh.Resumed);
        Assert.NotEqual(cut.RunId, fresh.RunId);
        Assert.Equal(1_000, fresh.RecordsRead);
    }
}
