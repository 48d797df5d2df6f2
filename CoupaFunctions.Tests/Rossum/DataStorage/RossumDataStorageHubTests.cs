using System.Text.Json;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage;
using static CoupaFunctions.Tests.Rossum.DataStorage.HubTestData;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

/// <summary>The IDataHub contract, kept by Rossum Data Storage: against the Rossum fake over loopback HTTP.</summary>
public sealed class RossumDataStorageHubTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<BatchWriteResult> WriteAsync(IDataHub hub, DatasetTarget target, IReadOnlyList<JsonElement> records, bool resume = false)
    {
        await using var writer = await hub.OpenWriterAsync(target, resume, Ct);
        return await writer.WriteAsync(records, After(State(target.Dataset, target.RunId)), Ct);
    }

    [Fact]
    public async Task Update_UpsertsByIdKeys_AndCountsInsertedUpdatedAndUnchanged()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        var target = Target("suppliers", ImportMethod.Update);

        var first = await WriteAsync(hub, target, Suppliers(1, 10));
        var changed = Suppliers(1, 10).Select(r => r.GetProperty("id").GetInt64() <= 3 ? Supplier(r.GetProperty("id").GetInt64(), "Renamed") : r).Concat(Suppliers(11, 2)).ToList();
        var second = await WriteAsync(hub, target, changed);

        Assert.Equal(new BatchWriteResult(10, 0, 0), first);
        Assert.Equal(new BatchWriteResult(2, 3, 7), second);
        var stored = rossum.Storage.Documents("suppliers");
        Assert.Equal(12, stored.Count);
        Assert.Equal("Renamed", stored.Single(d => (long)d["id"]! == 2)["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Update_StoresRecordsAsCoupaReturnedThem_AndFiltersByTheIdKeyValues()
    {
        await using var rossum = await FakeRossum.StartAsync();

        await WriteAsync(rossum.Hub(), Target("suppliers", ImportMethod.Update), [Supplier(123)]);

        var stored = rossum.Storage.Documents("suppliers").Single();
        Assert.Equal(["_id", "id", "name", "updated-at", "remit-to-code"], stored.Select(p => p.Key));
        var bulk = Assert.Single(rossum.Server.Requests.DataStorage("data/bulk_write"));
        Assert.Contains("""{"replaceOne":{"filter":{"id":123},"replacement":{"id":123,""", bulk.Body);
        Assert.Contains("\"upsert\":true", bulk.Body);
    }

    [Fact]
    public async Task Update_WritesNothingForABatchThatChangedNothing()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        await WriteAsync(hub, Target("suppliers", ImportMethod.Update), Suppliers(1, 5));
        rossum.Server.Requests.Clear();

        var again = await WriteAsync(hub, Target("suppliers", ImportMethod.Update), Suppliers(1, 5));

        Assert.Equal(new BatchWriteResult(0, 0, 5), again);
        Assert.Empty(rossum.Server.Requests.DataStorage("data/bulk_write"));
    }

    [Fact]
    public async Task Insert_ARepeatedBatch_NeverDuplicates_AndLeavesPresentRecordsAsTheyWere()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        var target = Target("lookup_values", ImportMethod.Insert);

        var first = await WriteAsync(hub, target, Suppliers(1, 20));
        var repeated = await WriteAsync(hub, target, Suppliers(1, 20, name: "Changed").Concat(Suppliers(21, 5)).ToList(), resume: true);

        Assert.Equal(new BatchWriteResult(20, 0, 0), first);
        Assert.Equal(new BatchWriteResult(5, 0, 20), repeated);
        var stored = rossum.Storage.Documents("lookup_values");
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), stored.Select(d => (long)d["id"]!).Order());
        Assert.All(stored.Where(d => (long)d["id"]! <= 20), d => Assert.Equal("Acme", d["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Insert_RetriedAfterItTookEffect_DoesNotDuplicate()
    {
        await using var rossum = await FakeRossum.StartAsync(o => { o.FaultEndpoint = "data/insert_many"; o.LoseNextResponses = 1; o.FailStatus = 502; });

        var result = await WriteAsync(rossum.Hub(), Target("lookup_values", ImportMethod.Insert), Suppliers(1, 30));

        // The first insert landed but its answer was lost; the retry met the documents' own _ids (400) and the
        // writer looked the batch up again instead of inserting twice.
        Assert.Equal(2, rossum.Server.Requests.DataStorage("data/insert_many").Count);
        Assert.Equal(new BatchWriteResult(30, 0, 0), result);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), rossum.Storage.Documents("lookup_values").Select(d => (long)d["id"]!).Order());
    }

    [Fact]
    public async Task ReadAll_PagesThroughTheDatasetInInsertionOrder_WithoutTheStoresId()
    {
        await using var rossum = await FakeRossum.StartAsync(settings: new Dictionary<string, string?> { ["RossumDataStorage:ReadPageSize"] = "7" });
        var hub = rossum.Hub();
        await WriteAsync(hub, Target("suppliers", ImportMethod.Update), Suppliers(1, 20));

        var records = new List<JsonElement>();
        await foreach (var record in hub.ReadAllAsync("suppliers", Ct)) records.Add(record);

        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), records.Select(r => r.GetProperty("id").GetInt64()));
        Assert.All(records, r => Assert.False(r.TryGetProperty("_id", out _)));
        Assert.Equal(3, rossum.Server.Requests.DataStorage("data/find").Count(r => r.Body!.Contains("\"sort\"")));
        Assert.Equal(20, await hub.CountAsync("suppliers", Ct));
        Assert.Equal(0, await hub.CountAsync("no_such_dataset", Ct));
    }

    [Fact]
    public async Task Datasets_AreListedWithCountsAndCheckpoints_WithoutStateOrStagingCollections()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        await using (var writer = await hub.OpenWriterAsync(Target("uoms", ImportMethod.Update), false, Ct))
        {
            await writer.WriteAsync(Suppliers(1, 3), After(State("uoms")), Ct);
            await writer.CompleteAsync(State("uoms", rangesLeft: 0), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), Ct);
        }
        await WriteAsync(hub, Target("payment_terms", ImportMethod.Update), Suppliers(1, 2));
        await using var unfinishedReplace = await hub.OpenWriterAsync(Target("currencies", ImportMethod.Replace, "run000000009"), false, Ct);

        var datasets = await hub.ListDatasetsAsync(Ct);

        Assert.Equal([("payment_terms", 2L, false, true), ("uoms", 3L, true, false)],
            datasets.Select(d => (d.Name, d.Records, d.Checkpoint is not null, d.HasUnfinishedRun)));
        Assert.Contains("currencies__staging_run000000009", rossum.Storage.CollectionNames);
        Assert.Contains("coupa_functions_state", rossum.Storage.CollectionNames);
    }

    [Fact]
    public async Task Organisations_SeeOnlyTheirOwnDatasets()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var other = rossum.Server.Tokens.Mint("other-org");
        await WriteAsync(rossum.Hub(), Target("suppliers", ImportMethod.Update), Suppliers(1, 4));

        var otherHub = rossum.Hub(other);

        Assert.Equal(0, await otherHub.CountAsync("suppliers", Ct));
        Assert.Empty(await otherHub.ListDatasetsAsync(Ct));
        Assert.Null(await otherHub.GetUnfinishedRunAsync("suppliers", Ct));
        Assert.Equal(0, rossum.Server.Organisation("other-org").Count("suppliers"));
    }
}
