using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Webhooks;

/// <summary>
/// Rossum's real CIB import hooks, called over HTTP exactly as Rossum calls the hosted service's generic URL (only
/// the Coupa host and client swapped for the sandbox's): 202, polling, 201, and the dataset in Rossum's Data
/// Storage (the fake) then holds exactly the sandbox's records.
/// </summary>
public sealed class ServeCibHookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(SharedFolder.ImportHookNames), MemberType = typeof(SharedFolder))]
    public async Task CibHook_CalledOverHttp_FillsTheDatasetWithExactlyTheSandboxsRecords(string hookFile)
    {
        SharedFolder.RequirePath();
        using var hook = JsonDocument.Parse(SharedFolder.ImportHook(hookFile));
        await using var harness = await WebhookHarness.StartAsync();
        var settings = JsonNode.Parse(hook.RootElement.GetProperty("settings").GetRawText())!.AsObject();
        settings["credentials"]!["base_api_url"] = harness.Sandbox.Server.BaseUrl.ToString();
        settings["credentials"]!["client_id"] = harness.Sandbox.Client.ClientId;
        var importConfig = settings["import_config"]!;
        var dataset = importConfig["dataset_name"]!.GetValue<string>();
        var resource = importConfig["endpoint"]!.GetValue<string>()["api/".Length..];

        var accepted = await harness.PostAsync("api/coupa/v1/import", harness.Payload(settings));
        Assert.True(accepted.Status == HttpStatusCode.Accepted, accepted.ToString());
        var done = await harness.PollUntilDoneAsync(accepted.Location!);

        Assert.True(done.Status == HttpStatusCode.Created, done.ToString());
        var result = done.Json["result"]!;
        var stored = harness.Stored(dataset);
        Assert.True(stored.Count > 0, "the sandbox holds records of every CIB type");
        Assert.Equal(stored.Count, result["records_read"]!.GetValue<long>());
        Assert.Equal(stored.Count, result["inserted"]!.GetValue<long>());
        // Record for record what the same settings import straight from the sandbox, fields and filters applied.
        var expected = await ImportDirectlyAsync(harness, settings, dataset);
        Assert.Equal(expected.Keys.Order(), harness.StoredIds(dataset));
        Assert.All(stored, d => Assert.True(JsonNode.DeepEquals(expected[d["id"]!.GetValue<long>()], d), $"{d} != {expected[d["id"]!.GetValue<long>()]}"));
        // Only a nested filter (remit-to addresses) may leave records of the resource out.
        if (!importConfig["query"]!.AsObject().Any(p => p.Key.Contains("]["))) Assert.Equal(harness.SandboxIds(resource), harness.StoredIds(dataset));
        harness.AssertNoSecretLeaked();
    }

    private static async Task<Dictionary<long, JsonNode>> ImportDirectlyAsync(WebhookHarness harness, JsonObject settings, string dataset)
    {
        var directory = Directory.CreateTempSubdirectory("coupa-serve-tests-").FullName;
        try
        {
            var jobs = harness.Server.Services.GetService(typeof(ImportJobs)) as ImportJobs ?? throw new InvalidOperationException();
            using var json = JsonDocument.Parse(settings.ToJsonString());
            var plan = jobs.Plan(null, ImportSettingsParser.Parse(json.RootElement, "$.settings"), harness.Sandbox.Secret);
            var hub = new SqliteDataHub(Path.Combine(directory, "hub.db"));
            var summary = await jobs.RunAsync(plan, hub, null, Ct);
            Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
            var records = new Dictionary<long, JsonNode>();
            await foreach (var record in hub.ReadAllAsync(dataset, Ct)) records[record.GetProperty("id").GetInt64()] = JsonNode.Parse(record.GetRawText())!;
            return records;
        }
        finally
        {
                try { Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
