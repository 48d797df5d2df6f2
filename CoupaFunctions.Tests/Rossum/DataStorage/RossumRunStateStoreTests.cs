using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;
using static CoupaFunctions.Tests.Rossum.DataStorage.HubTestData;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

/// <summary>Checkpoints and unfinished run state, kept in the organisation's state collection after each batch's data.</summary>
public sealed class RossumRunStateStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunStateAndCheckpoint_RoundTrip_AndCompletionForgetsTheRun()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        var state = State("suppliers", rangesLeft: 3) with { RecordsRead = 40, Pages = 2, Attempts = 1 };
        var checkpoint = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Null(await hub.GetCheckpointAsync("suppliers", Ct));
        Assert.Null(await hub.GetUnfinishedRunAsync("suppliers", Ct));

        await using var writer = await hub.OpenWriterAsync(Target("suppliers", ImportMethod.Update), false, Ct);
        await writer.WriteAsync(Suppliers(1, 4), After(state), Ct);
        var saved = await rossum.Hub().GetUnfinishedRunAsync("suppliers", Ct);

        Assert.NotNull(saved);
        Assert.Equal((state.RunId, state.Fingerprint, state.StartedAt, state.IdCeiling, 40L, 4L), (saved.RunId, saved.Fingerprint, saved.StartedAt, saved.IdCeiling, saved.RecordsRead, saved.Inserted));
        Assert.Equal(state.Ranges.Select(r => (r.Id, r.After, r.Through)), saved.Ranges.Select(r => (r.Id, r.After, r.Through)));

        await writer.CompleteAsync(saved with { Ranges = [] }, checkpoint, Ct);

        Assert.Equal(checkpoint, await hub.GetCheckpointAsync("suppliers", Ct));
        Assert.Null(await hub.GetUnfinishedRunAsync("suppliers", Ct));
    }

    [Fact]
    public async Task StateDocuments_AreKeyedByKindAndDataset_InOneCollection()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var hub = rossum.Hub();
        foreach (var dataset in new[] { "suppliers", "uoms" })
        {
            await using var writer = await hub.OpenWriterAsync(Target(dataset, ImportMethod.Update), false, Ct);
            await writer.WriteAsync(Suppliers(1, 2), After(State(dataset)), Ct);
            await writer.WriteAsync(Suppliers(3, 2), After(State(dataset)), Ct);
        }
        await using (var writer = await hub.OpenWriterAsync(Target("uoms", ImportMethod.Update), true, Ct))
            await writer.CompleteAsync(State("uoms", rangesLeft: 0), DateTimeOffset.UnixEpoch, Ct);

        var docs = rossum.Storage.Documents("coupa_functions_state");

        Assert.Equal([("checkpoint", "uoms"), ("run", "suppliers")],
            docs.Select(d => (d["kind"]!.GetValue<string>(), d["dataset"]!.GetValue<string>())).Order());
        // The state is a readable object, not an escaped string.
        Assert.Equal("suppliers", docs.Single(d => d["kind"]!.GetValue<string>() == "run")["state"]!["dataset"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunState_IsSavedOnlyAfterTheBatchsDataIsWritten()
    {
        await using var rossum = await FakeRossum.StartAsync(o => o.OperationDelay = TimeSpan.FromMilliseconds(150));
        await using var writer = await rossum.Hub().OpenWriterAsync(Target("suppliers", ImportMethod.Update), false, Ct);
        rossum.Server.Requests.Clear();

        await writer.WriteAsync(Suppliers(1, 5), After(State("suppliers")), Ct);

        var calls = rossum.Server.Requests.Snapshot().Select(r => r.Path[(r.Path.LastIndexOf("/v1/", StringComparison.Ordinal) + 4)..]).ToList();
        var bulkWrite = calls.IndexOf("data/bulk_write");
        var stateSave = calls.FindIndex(c => c == "data/replace_one");
        var lastPoll = calls.FindLastIndex(c => c.StartsWith("operation_status/", StringComparison.Ordinal));
        Assert.True(bulkWrite >= 0 && bulkWrite < lastPoll && lastPoll < stateSave, string.Join(", ", calls));
        Assert.Contains("coupa_functions_state", rossum.Server.Requests.DataStorage("data/replace_one")[0].Body);
    }
}
