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
}
