using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaFunctions.Durable;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using Microsoft.DurableTask.Client;

namespace CoupaFunctions.Tests.Durable;

/// <summary>
/// The orchestrator with the real activity: the Coupa sandbox (with latency, so a run needs several slices) and the
/// local SQLite hub a job without a Rossum organisation writes to. The data must equal the sandbox's exactly.
/// </summary>
public sealed class ImportOrchestrationSandboxTests : IAsyncLifetime
{
    private const int Suppliers = 300;
    private readonly string _directory = Directory.CreateTempSubdirectory("coupa-durable-").FullName;
    private Sandbox _sandbox = null!;
    private TestServices _services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string HubPath => Path.Combine(_directory, "hub.db");

    public async ValueTask InitializeAsync()
    {
        _sandbox = await Sandbox.StartAsync(o =>
        {
            o.Records["suppliers"] = Suppliers;
            o.Faults.LatencyMs = 40;
        });
        _services = TestServices.Create(new Dictionary<string, string?>
        {
            ["Local:DataHub"] = "sqlite:" + HubPath,
            ["Import:PageConcurrency"] = "2",
            ["Import:BatchSize"] = "20",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _sandbox.DisposeAsync();
        await _services.DisposeAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Orchestration_RunsTheRealImportOverSeveralSlices_AndMatchesTheSandbox()
    {
        var activity = Activity();
        await using var host = await ImportOrchestrationTests.HostAsync(input => activity.RunImportSlice(input, Ct));

        var done = await ImportOrchestrationTests.RunAsync(host, DurableTestData.Input(Job(), sliceSeconds: 0.5));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(ImportRunStatus.Completed, done.ReadOutputAs<ImportSummary>()!.Status);
        Assert.True(done.ReadCustomStatusAs<ImportRunCustomStatus>()!.Slices >= 2, "the run should have needed several slices");
        await AssertHubEqualsSandboxAsync();
    }

    [Fact]
    public async Task Orchestration_ResumesAfterCrash_WithoutDuplicates()
    {
        var activity = Activity();
        var attempt = 0;
        await using var host = await ImportOrchestrationTests.HostAsync(async input =>
        {
            if (Interlocked.Increment(ref attempt) > 1) return await activity.RunImportSlice(input, Ct);
            // The host dies mid-slice: the import is stopped after some pages were written, and the activity fails.
            using var crash = CancellationTokenSource.CreateLinkedTokenSource(Ct);
            var watcher = Task.Run(async () =>
            {
                while (_sandbox.ApiRequests("suppliers").Count < 12) await Task.Delay(10, crash.Token);
                await crash.CancelAsync();
            }, Ct);
            await activity.RunImportSlice(input, crash.Token);
            throw new InvalidOperationException("simulated host crash");
        });

        var done = await ImportOrchestrationTests.RunAsync(host, DurableTestData.Input(Job(), sliceSeconds: 60));

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(2, attempt);
        var summary = done.ReadOutputAs<ImportSummary>()!;
        Assert.Equal(ImportRunStatus.Completed, summary.Status);
        Assert.True(summary.Resumed, "the retried slice should resume the crashed run, not start over");
        await AssertHubEqualsSandboxAsync();
    }

    private ImportOrchestration Activity() => new(_services.Get<ImportJobExecutor>());

    private ImportJobRequest Job() => DurableTestData.Job("suppliers", new JsonObject
    {
        ["credentials"] = new JsonObject { ["client_id"] = _sandbox.Client.ClientId, ["base_api_url"] = _sandbox.Server.BaseUrl.ToString() },
        ["import_config"] = new JsonObject { ["records_per_request"] = 10 },
    }.ToJsonString()) with
    {
        ProtectedCoupaSecret = _services.Get<IPayloadProtector>().Protect(_sandbox.Secret),
    };

    private async Task AssertHubEqualsSandboxAsync()
    {
        var hub = new SqliteDataHub(HubPath);
        var stored = new Dictionary<long, JsonElement>();
        await foreach (var record in hub.ReadAllAsync("suppliers", Ct))
            Assert.True(stored.TryAdd(record.GetProperty("id").GetInt64(), record), "duplicate id in the hub");
        var expected = _sandbox.Data.All("suppliers").ToDictionary(r => (long)r["id"]!);
        Assert.Equal(expected.Keys.Order(), stored.Keys.Order());
        // Every scalar the import selected is the sandbox's value (nested objects are projections of the sandbox's).
        foreach (var (id, record) in stored)
            foreach (var property in record.EnumerateObject().Where(p => p.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array)))
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(property.Value.GetRawText()), expected[id][property.Name]),
                    $"supplier {id}: {property.Name} differs from the sandbox");
        Assert.All(stored.Values, r => Assert.Equal(expected[r.GetProperty("id").GetInt64()]["name"]!.GetValue<string>(), r.GetProperty("name").GetString()));
    }
}
