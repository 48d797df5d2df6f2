using CoupaFunctions.Durable;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Connections;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace CoupaFunctions.Tests.Durable;

/// <summary>Builders for orchestration inputs and slice results.</summary>
public static class DurableTestData
{
    public static ImportJobRequest Job(string dataset = "suppliers", string settingsJson = "{}") => new()
    {
        Type = "suppliers",
        SettingsJson = settingsJson,
        DatasetKey = "acme.rossum.app/" + dataset,
        DatasetName = dataset,
    };

    public static ImportRunInput Input(ImportJobRequest? job = null, double sliceSeconds = 60, int? maxRunTimeSeconds = null, int attempts = 3) =>
        new("import-test_000000000001", job ?? Job(), sliceSeconds, maxRunTimeSeconds, attempts, SliceRetrySeconds: 0.05);

    public static ImportSummary Summary(ImportRunStatus status, long records = 10, string dataset = "suppliers") =>
        new("r1", "suppliers", dataset, status, records, records, 0, 0, 1, TimeSpan.FromSeconds(1), null, false,
            status == ImportRunStatus.Completed ? null : "stopped");

    public static ImportSliceResult Slice(ImportRunStatus status, long records = 10) =>
        new(Summary(status, records), new ImportProgress("r1", "suppliers", 1, records, 10, 0.5, TimeSpan.FromSeconds(1)));

    /// <summary>
    /// The in-process Durable test host. It listens on a random port between 30000 and 40000, which lies inside
    /// Linux's ephemeral range: now and then another test's connection holds it. Such a start is tried again on
    /// another random port; any other failure is the test's.
    /// </summary>
    public static async Task<DurableTaskTestHost> StartHostAsync(Action<DurableTaskRegistry> registry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(registry, cancellationToken: cancellationToken);
            }
            catch (IOException e) when (attempt < 5 && e.InnerException is AddressInUseException)
            {
            }
        }
    }
}
