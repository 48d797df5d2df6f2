using System.Text.Json;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>A sandbox, the core's services and a fresh SQLite hub: what an import test needs, disposed together.</summary>
public sealed class ImportHarness : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("coupa-tests-").FullName;

    private ImportHarness(Sandbox sandbox, TestServices services)
    {
        Sandbox = sandbox;
        Services = services;
        Hub = new SqliteDataHub(Path.Combine(_directory, "hub.db"));
    }

    public Sandbox Sandbox { get; }
    public TestServices Services { get; }
    public SqliteDataHub Hub { get; }
    public ImportJobs Jobs => Services.Get<ImportJobs>();

    public static async Task<ImportHarness> StartAsync(Action<CoupaSandbox.SandboxOptions>? sandbox = null, IDictionary<string, string?>? settings = null) =>
        new(await Sandbox.StartAsync(sandbox), TestServices.Create(settings));

    public ImportPlan Plan(string type, ImportConfigSettings? config = null, int? maxRunTimeSeconds = null) =>
        Jobs.Plan(type, Sandbox.Settings(config, maxRunTimeSeconds), Sandbox.Secret);

    public Task<ImportSummary> RunAsync(ImportPlan plan, CancellationToken? cancellationToken = null) =>
        Jobs.RunAsync(plan, Hub, null, cancellationToken ?? TestContext.Current.CancellationToken);

    public async Task<List<JsonElement>> ReadAsync(string dataset)
    {
        var records = new List<JsonElement>();
        await foreach (var record in Hub.ReadAllAsync(dataset, TestContext.Current.CancellationToken)) records.Add(record);
        return records;
    }

    /// <summary>Ids in the hub, failing on any duplicate.</summary>
    public async Task<List<long>> IdsAsync(string dataset)
    {
        var ids = (await ReadAsync(dataset)).Select(r => r.GetProperty("id").GetInt64()).Order().ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        return ids;
    }

    public List<long> SandboxIds(string resource, Func<System.Text.Json.Nodes.JsonObject, bool>? where = null) =>
        Sandbox.Data.All(resource).Where(r => where?.Invoke(r) ?? true).Select(r => (long)r["id"]!).Order().ToList();

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        await Services.DisposeAsync();
        Hub.ReleaseConnections();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
