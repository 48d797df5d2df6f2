using System.Net;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Coupa;
using CoupaIntegration.Imports;
using CoupaIntegration.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using static CoupaIntegration.Telemetry.TelemetryNames;

namespace CoupaFunctions.Tests.Telemetry;

/// <summary>A hook's import through `coupa serve` into the Rossum fake: the hook id comes from the payload, retries from both APIs.</summary>
public sealed class HookImportTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HookImport_IsTaggedWithTheHookId_AndCountsRetriesOfCoupaAndDataStorage()
    {
        await using var harness = await WebhookHarness.StartAsync(o => { o.Records["suppliers"] = 400; o.Faults.ServerErrorRate = 0.1; });
        using var metrics = new MeterCapture(harness.Server.Services);
        harness.Rossum.Options.FailNextRequests = 2;

        var accepted = await harness.PostAsync("api/import/suppliers", harness.Payload(harness.Settings()));
        var done = await harness.PollUntilDoneAsync(accepted.Location!);

        Assert.True(done.Status == HttpStatusCode.Created, done.ToString());
        var coupaFailures = harness.Sandbox.Server.Requests.Snapshot().Count(r => r.Status >= 500);
        var storageFailures = harness.Rossum.Requests.Snapshot().Count(r => r.Status >= 500);
        Assert.Equal(2, storageFailures);
        var run = Assert.Single(metrics.Counter(CoupaMetrics.ImportRuns));
        Assert.Equal(new Dictionary<string, string?> { [Function] = "suppliers", [Dataset] = "suppliers", [HookId] = "339158", [Outcome] = "completed" },
            MeterCapture.Tags(run));
        Assert.Equal(harness.SandboxIds("suppliers").Count, metrics.Sum(CoupaMetrics.ImportRecordsRead));
        Assert.Equal(harness.StoredIds("suppliers").Count, metrics.Sum(CoupaMetrics.ImportRecordsWritten));
        Assert.Equal(coupaFailures + storageFailures, metrics.Sum(CoupaMetrics.ImportRetries));

        var ended = Assert.Single(MeterCapture.Events(harness.Logs, RunTelemetry.ImportRunEndedEvent));
        Assert.Equal(done.Json["result"]!["import_run_id"]!.GetValue<string>(), ended.GetStructuredStateValue(RunId));
        Assert.Equal("339158", ended.GetStructuredStateValue(HookId));
        Assert.Equal((coupaFailures + storageFailures).ToString(), ended.GetStructuredStateValue(Retries));
        // The access token the run used, besides the payload's secrets, the Rossum token and Key Vault's: in no log line.
        var services = harness.Server.Services;
        var plan = services.GetRequiredService<ImportJobs>().Plan("suppliers", harness.Sandbox.Settings(), harness.Sandbox.Secret);
        harness.AssertNoSecretLeaked(await services.GetRequiredService<CoupaTokenCache>().GetTokenAsync(plan.Connection, Ct));
    }
}
