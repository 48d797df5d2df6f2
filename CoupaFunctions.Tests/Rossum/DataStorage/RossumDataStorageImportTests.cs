using System.Text.Json;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

/// <summary>Real imports (ImportJobs) from the Coupa sandbox into Rossum Data Storage (the fake), over loopback HTTP.</summary>
public sealed class RossumDataStorageImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<JsonElement>> ReadAsync(CoupaIntegration.DataHub.IDataHub hub, string dataset)
    {
        var records = new List<JsonElement>();
        await foreach (var record in hub.ReadAllAsync(dataset, Ct)) records.Add(record);
        return records;
    }

    private static Dictionary<long, JsonElement> ById(IEnumerable<JsonElement> records) =>
        records.ToDictionary(r => r.GetProperty("id").GetInt64());

    [Fact]
    public async Task Import_IntoRossumDataStorage_HoldsExactlyTheSandboxsRecords()
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["suppliers"] = 2_000);
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        var plan = harness.Plan("suppliers");

        var summary = await harness.Jobs.RunAsync(plan, hub, null, Ct);
        var sqlite = await harness.RunAsync(plan);

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.Equal((2_000L, 2_000L), (summary.RecordsRead, summary.Inserted));
        var stored = rossum.Storage.Documents("suppliers").Select(d => d["id"]!.GetValue<long>()).ToList();
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(harness.SandboxIds("suppliers"), stored.Order());
        // Record for record what the SQLite hub stores from the same plan: Coupa's JSON as returned.
        Assert.Equal(sqlite.RecordsRead, summary.RecordsRead);
        var inRossum = ById(await ReadAsync(hub, "suppliers"));
        var inSqlite = ById(await harness.ReadAsync("suppliers"));
        Assert.Equal(inSqlite.Keys.Order(), inRossum.Keys.Order());
        Assert.All(inSqlite, r => Assert.True(JsonElement.DeepEquals(r.Value, inRossum[r.Key]), $"{r.Value} != {inRossum[r.Key]}"));
        Assert.Equal(summary.Checkpoint, await hub.GetCheckpointAsync("suppliers", Ct));
        Assert.Null(await hub.GetUnfinishedRunAsync("suppliers", Ct));
    }

    [Fact]
    public async Task IncrementalRun_IntoRossum_UpsertsExactlyTheChangedRecords()
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["suppliers"] = 1_000);
        await using var rossum = await FakeRossum.StartAsync();
        var plan = harness.Plan("suppliers");
        await harness.Jobs.RunAsync(plan, rossum.Hub(), null, Ct);
        harness.Sandbox.Data.Update("suppliers", 25);
        harness.Sandbox.Data.Create("suppliers", 5);

        var second = await harness.Jobs.RunAsync(plan, rossum.Hub(), null, Ct);

        Assert.True(second.Status == ImportRunStatus.Completed, second.Error);
        Assert.Equal((30L, 5L, 25L), (second.RecordsRead, second.Inserted, second.Updated));
        Assert.Equal(1_005, rossum.Storage.Count("suppliers"));
        var coupa = harness.Sandbox.Data.All("suppliers").ToDictionary(r => (long)r["id"]!, r => r["updated-at"]!.ToString());
        Assert.All(rossum.Storage.Documents("suppliers"), d => Assert.Equal(coupa[d["id"]!.GetValue<long>()], d["updated-at"]!.GetValue<string>()));
    }

    [Fact]
    public async Task FullReimport_IntoRossum_CountsUnchangedRecordsAsUnchanged()
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["tax_codes"] = 300);
        await using var rossum = await FakeRossum.StartAsync();
        var everything = ImportSettingsParser.Empty.ImportConfig with
        {
            Query = ImportCatalog.Default.Get("tax_codes").DefaultQuery() with { Filters = new Dictionary<string, string>() },
        };
        var plan = harness.Plan("tax_codes", everything);
        await harness.Jobs.RunAsync(plan, rossum.Hub(), null, Ct);
        harness.Sandbox.Data.Update("tax_codes", 12);
        rossum.Server.Requests.Clear();

        var again = await harness.Jobs.RunAsync(plan, rossum.Hub(), null, Ct);

        Assert.Equal((300L, 0L, 12L, 288L), (again.RecordsRead, again.Inserted, again.Updated, again.Unchanged));
        // Only the changed records were written.
        Assert.Equal(12, rossum.Server.Requests.DataStorage("data/bulk_write").Sum(r => r.Body!.Split("\"replaceOne\"").Length - 1));
    }

    [Fact]
    public async Task ReplaceImport_IntoRossum_SwapsInTheWholeDataset()
    {
        await using var harness = await ImportHarness.StartAsync(o => o.Records["currencies"] = 300);
        await using var rossum = await FakeRossum.StartAsync();
        var plan = harness.Plan("currencies");
        Assert.Equal(ImportMethod.Replace, plan.Method);
        await harness.Jobs.RunAsync(plan, rossum.Hub(), null, Ct);
        harness.Sandbox.Data.Create("currencies", 40);

        var second = await harness.Jobs.RunAsync(plan, rossum.Hub(), null, Ct);

        Assert.True(second.Status == ImportRunStatus.Completed, second.Error);
        Assert.Equal(340, second.Inserted);
        Assert.Equal(harness.SandboxIds("currencies"), rossum.Storage.Documents("currencies").Select(d => d["id"]!.GetValue<long>()).Order());
        Assert.Equal(["coupa_functions_state", "currencies"], rossum.Storage.CollectionNames);
    }

    [Fact]
    public async Task ARunWhoseTokenExpires_FailsNamingTheToken_AndResumesWithANewOne()
    {
        await using var harness = await ImportHarness.StartAsync(o => { o.Records["suppliers"] = 1_500; o.Faults.LatencyMs = 20; },
            new Dictionary<string, string?> { ["Import:PageConcurrency"] = "2", ["Import:BatchSize"] = "50" });
        await using var rossum = await FakeRossum.StartAsync();
        var token = rossum.Server.Tokens.Mint();
        var plan = harness.Plan("suppliers");
        var hubTask = harness.Jobs.RunAsync(plan, rossum.Hub(token), null, Ct);
        while (rossum.Storage.Count("suppliers") < 100) await Task.Delay(10, Ct);
        rossum.Server.Tokens.Expire(token);

        var cut = await hubTask;

        Assert.Equal(ImportRunStatus.Failed, cut.Status);
        Assert.StartsWith("Rossum Data Storage rejected the token (401)", cut.Error);
        Assert.DoesNotContain(token, cut.Error);
        var resumed = await harness.Jobs.RunAsync(plan, rossum.Hub(rossum.Server.Tokens.Mint()), null, Ct);
        Assert.True(resumed.Status == ImportRunStatus.Completed, resumed.Error);
        Assert.True(resumed.Resumed);
        Assert.Equal(cut.RunId, resumed.RunId);
        Assert.Equal(harness.SandboxIds("suppliers"), rossum.Storage.Documents("suppliers").Select(d => d["id"]!.GetValue<long>()).Order());
    }

    [Fact]
    public async Task InsertImport_CutShortAndResumed_IntoRossum_NeverDuplicates()
    {
        await using var harness = await ImportHarness.StartAsync(o => { o.Records["lookup_values"] = 1_200; o.Faults.LatencyMs = 150; },
            new Dictionary<string, string?> { ["Import:PageConcurrency"] = "3", ["Import:BatchSize"] = "50" });
        await using var rossum = await FakeRossum.StartAsync();
        var config = ImportSettingsParser.Empty.ImportConfig with { Method = ImportMethod.Insert };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(600));

        var cut = await harness.Jobs.RunAsync(harness.Plan("lookup_values", config), rossum.Hub(), null, cancel.Token);
        var resumed = await harness.Jobs.RunAsync(harness.Plan("lookup_values", config), rossum.Hub(), null, Ct);

        Assert.Equal(ImportRunStatus.Cancelled, cut.Status);
        Assert.True(resumed.Status == ImportRunStatus.Completed, resumed.Error);
        Assert.Equal(1_200, resumed.Inserted);
        Assert.Equal(harness.SandboxIds("lookup_values"), rossum.Storage.Documents("lookup_values").Select(d => d["id"]!.GetValue<long>()).Order());
    }
}
