using System.Text.Json;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

/// <summary>Builders for hub tests: Coupa-shaped records (hyphenated keys) and run state.</summary>
internal static class HubTestData
{
    public static JsonElement Supplier(long id, string name = "Acme", string updatedAt = "2026-01-01T00:00:00Z") =>
        JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["id"] = id, ["name"] = name, ["updated-at"] = updatedAt, ["remit-to-code"] = $"R{id}" });

    public static List<JsonElement> Suppliers(int from, int count, string name = "Acme") =>
        Enumerable.Range(from, count).Select(i => Supplier(i, name)).ToList();

    public static DatasetTarget Target(string dataset, ImportMethod method, string runId = "run000000001") => new(dataset, method, ["id"], runId);

    public static ImportRunState State(string dataset, string runId = "run000000001", int rangesLeft = 1) => new()
    {
        RunId = runId,
        Dataset = dataset,
        Fingerprint = "f1",
        StartedAt = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero),
        ModifiedSince = DateTimeOffset.UnixEpoch,
        IdCeiling = 1000,
        Ranges = Enumerable.Range(0, rangesLeft).Select(i => new IdRange(i, i * 10, i * 10 + 10)).ToList(),
    };

    /// <summary>The run state the writer saves after a batch: the given state with the batch's counts added.</summary>
    public static Func<BatchWriteResult, ImportRunState> After(ImportRunState state) => result => state with
    {
        Inserted = state.Inserted + result.Inserted,
        Updated = state.Updated + result.Updated,
        Unchanged = state.Unchanged + result.Unchanged,
    };
}
