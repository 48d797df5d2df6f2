using System.Text.Json;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.DataStorage;
using static CoupaFunctions.Tests.Rossum.DataStorage.HubTestData;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

/// <summary>replace: built aside in a staging collection, renamed over the dataset in one step.</summary>
public sealed class RossumDataStorageReplaceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ReplaceAsync(IDataHub hub, string runId, IReadOnlyList<JsonElement> records, int batchSize = 50)
    {
        var target = Target("currencies", ImportMethod.Replace, runId);
        await using var writer = await hub.OpenWriterAsync(target, false, Ct);
        foreach (var batch in records.Chunk(batchSize))
            await writer.WriteAsync(batch, After(State("currencies", runId)), Ct);
        await writer.CompleteAsync(State("currencies", runId, rangesLeft: 0), DateTimeOffset.UtcNow, Ct);
    }

    [Fact]
    public async Task Replace_IsNeverSeenHalfDone_ByAConcurrentReader()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        await ReplaceAsync(hub, "run000000001", Suppliers(1, 300));

        var seen = new HashSet<long>();
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var readerHub = rossum.Hub();
            while (!stop.IsCancellationRequested)
                seen.Add(await readerHub.CountAsync("currencies", Ct));
        }, Ct);
        await ReplaceAsync(hub, "run000000002", Suppliers(1001, 420, name: "New"));
        await Task.Delay(50, Ct);
        stop.Cancel();
        await reader;

        Assert.Subset(new HashSet<long> { 300, 420 }, seen);
        Assert.Contains(300L, seen);
        Assert.Contains(420L, seen);
        Assert.All(rossum.Storage.Documents("currencies"), d => Assert.Equal("New", d["name"]!.GetValue<string>()));
        Assert.DoesNotContain(rossum.Storage.CollectionNames, n => n.Contains(RossumDataStorageHub.StagingMarker));
        Assert.All(rossum.Server.Requests.DataStorage("collections/rename"), r => Assert.Contains("\"dropTarget\":true", r.Body));
    }

    [Fact]
    public async Task Replace_WithNoRecords_LeavesAnEmptyDataset()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        await ReplaceAsync(hub, "run000000001", Suppliers(1, 10));

        await ReplaceAsync(hub, "run000000002", []);

        Assert.True(rossum.Storage.Exists("currencies"));
        Assert.Equal(0, await hub.CountAsync("currencies", Ct));
    }

    [Fact]
    public async Task Replace_ResumedAfterTheSwapButBeforeTheCheckpoint_CompletesWithoutEmptyingTheDataset()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        var target = Target("currencies", ImportMethod.Replace, "run000000007");
        await using (var writer = await hub.OpenWriterAsync(target, false, Ct))
            await writer.WriteAsync(Suppliers(1, 25), After(State("currencies", "run000000007", rangesLeft: 0)), Ct);
        // The process stopped right after the rename: data swapped in, checkpoint not yet moved.
        await rossum.Factory.CreateClient(rossum.Server.BaseUrl, new PayloadTokenSource(new Secret(rossum.Token)))
            .RenameCollectionAsync("currencies__staging_run000000007", "currencies", dropTarget: true, Ct);

        await using (var resumed = await hub.OpenWriterAsync(target, resume: true, Ct))
        {
            await resumed.WriteAsync([], After(State("currencies", "run000000007", rangesLeft: 0)), Ct);
            await resumed.CompleteAsync(State("currencies", "run000000007", rangesLeft: 0), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), Ct);
        }

        Assert.Equal(25, await hub.CountAsync("currencies", Ct));
        Assert.NotNull(await hub.GetCheckpointAsync("currencies", Ct));
        Assert.Null(await hub.GetUnfinishedRunAsync("currencies", Ct));
    }

    [Fact]
    public async Task Replace_WhoseStagingWasLostMidRun_DiscardsItsStateSoTheNextRunStartsOver()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        await ReplaceAsync(hub, "run000000001", Suppliers(1, 10));
        var target = Target("currencies", ImportMethod.Replace, "run000000002");
        await using (var writer = await hub.OpenWriterAsync(target, false, Ct))
            await writer.WriteAsync(Suppliers(1, 5), After(State("currencies", "run000000002", rangesLeft: 2)), Ct);
        rossum.Storage.Write(s => { s.Drop("currencies__staging_run000000002"); return 0; });

        var error = await Assert.ThrowsAsync<IntegrationException>(() => hub.OpenWriterAsync(target, resume: true, Ct));

        Assert.Equal(FailureKind.Transient, error.Kind);
        Assert.Null(await hub.GetUnfinishedRunAsync("currencies", Ct));
        Assert.Equal(10, await hub.CountAsync("currencies", Ct));
    }

    [Fact]
    public async Task ANewReplace_DropsStagingLeftByAnAbandonedRun()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        await using (var abandoned = await hub.OpenWriterAsync(Target("currencies", ImportMethod.Replace, "run00000000a"), false, Ct))
            await abandoned.WriteAsync(Suppliers(1, 5), After(State("currencies", "run00000000a")), Ct);

        await ReplaceAsync(hub, "run00000000b", Suppliers(1, 8));

        Assert.Equal(["coupa_functions_state", "currencies"], rossum.Storage.CollectionNames);
        Assert.Equal(8, await hub.CountAsync("currencies", Ct));
    }
}
