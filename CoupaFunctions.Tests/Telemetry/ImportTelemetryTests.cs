using CoupaFunctions.Tests.Infrastructure;
using Secret = CoupaIntegration.Common.Secret;
using CoupaIntegration.Coupa;
using CoupaIntegration.Imports;
using CoupaIntegration.Telemetry;
using Microsoft.Extensions.Logging;
using static CoupaIntegration.Telemetry.TelemetryNames;

namespace CoupaFunctions.Tests.Telemetry;

/// <summary>An import's metrics and run events, from real runs against the sandbox with faults injected.</summary>
public sealed class ImportTelemetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportThroughTransientFaults_RecordsWhatItReadAndWrote_AndEveryRetry()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["suppliers"] = 700;
            // Random 5xx spread over the page workers' reads, besides three certain ones on the first request.
            o.Faults.ServerErrorRate = 0.15;
            o.Faults.FailNextRequests = 3;
        });
        using var metrics = new MeterCapture(harness.Services.Provider);
        var plan = harness.Plan("suppliers") with { HookId = HookIds.From("https://acme.rossum.app/api/v1/hooks/789") };

        var summary = await harness.RunAsync(plan);

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        var failedResponses = harness.Sandbox.Server.Requests.Snapshot().Count(r => r.Status >= 500);
        Assert.InRange(failedResponses, 3, int.MaxValue);
        var expectedTags = new Dictionary<string, string?> { [Function] = "suppliers", [Dataset] = "suppliers", [HookId] = "789", [Outcome] = "completed" };
        var run = Assert.Single(metrics.Counter(CoupaMetrics.ImportRuns));
        Assert.Equal(1, run.Value);
        Assert.Equal(expectedTags, MeterCapture.Tags(run));
        Assert.All(metrics.Counter(CoupaMetrics.ImportRecordsRead), m => Assert.Equal(expectedTags, MeterCapture.Tags(m)));
        Assert.Equal(harness.SandboxIds("suppliers").Count, metrics.Sum(CoupaMetrics.ImportRecordsRead));
        Assert.Equal(summary.Inserted + summary.Updated, metrics.Sum(CoupaMetrics.ImportRecordsWritten));
        Assert.Equal(summary.Unchanged, metrics.Sum(CoupaMetrics.ImportRecordsUnchanged));
        Assert.Equal(summary.Pages, metrics.Sum(CoupaMetrics.ImportPages));
        // Every 5xx the sandbox answered was retried once, whichever page worker met it.
        Assert.Equal(failedResponses, metrics.Sum(CoupaMetrics.ImportRetries));
        Assert.InRange(Assert.Single(metrics.Histogram(CoupaMetrics.ImportDuration)).Value, double.Epsilon, 600);

        var started = Assert.Single(MeterCapture.Events(harness.Services.Logs, RunTelemetry.ImportRunStartedEvent));
        var ended = Assert.Single(MeterCapture.Events(harness.Services.Logs, RunTelemetry.ImportRunEndedEvent));
        Assert.Equal(summary.RunId, started.GetStructuredStateValue(RunId));
        Assert.Equal(summary.RunId, ended.GetStructuredStateValue(RunId));
        Assert.Equal(LogLevel.Information, ended.Level);
        Assert.Equal("789", ended.GetStructuredStateValue(HookId));
        Assert.Equal("suppliers", ended.GetStructuredStateValue(Function));
        Assert.Equal("suppliers", ended.GetStructuredStateValue(Dataset));
        Assert.Equal("completed", ended.GetStructuredStateValue(Outcome));
        Assert.Equal(summary.RecordsRead.ToString(), ended.GetStructuredStateValue(RecordsRead));
        Assert.Equal((summary.Inserted + summary.Updated).ToString(), ended.GetStructuredStateValue(RecordsWritten));
        Assert.Equal(summary.Inserted.ToString(), ended.GetStructuredStateValue(Inserted));
        Assert.Equal(summary.Pages.ToString(), ended.GetStructuredStateValue(Pages));
        Assert.Equal(failedResponses.ToString(), ended.GetStructuredStateValue(Retries));
        Assert.True(double.Parse(ended.GetStructuredStateValue(DurationSeconds)!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Null(ended.GetStructuredStateValue(FailureKind));
        Assert.Null(ended.GetStructuredStateValue(Error));

        var accessToken = await harness.Services.Get<CoupaTokenCache>().GetTokenAsync(plan.Connection, Ct);
        var logs = harness.Services.AllLogText();
        Assert.DoesNotContain(accessToken, logs);
        Assert.DoesNotContain(harness.Sandbox.Client.ClientSecret, logs);
    }

    [Fact]
    public async Task ImportWithAWrongSecret_IsCountedFailed_AsAConfigurationProblem()
    {
        const string wrongSecret = "Wr0ng-Telemetry-Secret-31";
        await using var harness = await ImportHarness.StartAsync();
        using var metrics = new MeterCapture(harness.Services.Provider);

        var summary = await harness.RunAsync(harness.Jobs.Plan("suppliers", harness.Sandbox.Settings(), new Secret(wrongSecret)));

        Assert.Equal(ImportRunStatus.Failed, summary.Status);
        AssertFailedRun(harness, metrics, summary, "configuration");
        Assert.DoesNotContain(wrongSecret, harness.Services.AllLogText());
    }

    [Fact]
    public async Task ImportWithAScopeNotGranted_IsCountedFailed_AsAConfigurationProblem()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
            o.Clients = [new CoupaSandbox.SandboxClient("limited", "limited-secret-77", ["core.common.read"])]);
        using var metrics = new MeterCapture(harness.Services.Provider);

        var summary = await harness.RunAsync(harness.Plan("suppliers"));

        Assert.Equal(ImportRunStatus.Failed, summary.Status);
        AssertFailedRun(harness, metrics, summary, "configuration");
        Assert.DoesNotContain("limited-secret-77", harness.Services.AllLogText());
    }

    [Fact]
    public async Task RunCutShortThenResumed_CountsEachRecordOnce_UnderOneRunId()
    {
        await using var harness = await ImportHarness.StartAsync(o =>
        {
            o.Records["suppliers"] = 3_000;
            o.Faults.LatencyMs = 20;
        }, new Dictionary<string, string?> { ["Import:PageConcurrency"] = "2", ["Import:BatchSize"] = "50" });
        using var metrics = new MeterCapture(harness.Services.Provider);
        // Cut once the first records are stored (not on a clock), so the run always has something to resume.
        using var cutting = new CancellationTokenSource();
        var cutWhenStored = new Progress(p => { if (p.Records > 0) cutting.Cancel(); });

        var cut = await harness.Jobs.RunAsync(harness.Plan("suppliers"), harness.Hub, cutWhenStored, cutting.Token);
        Assert.Equal(ImportRunStatus.Cancelled, cut.Status);
        Assert.InRange(cut.RecordsRead, 1, 2_999);
        harness.Sandbox.Server.Options.Faults.LatencyMs = 0;
        var resumed = await harness.RunAsync(harness.Plan("suppliers"));

        Assert.True(resumed.Status == ImportRunStatus.Completed, resumed.Error);
        Assert.Equal(3_000, metrics.Sum(CoupaMetrics.ImportRecordsRead));
        Assert.Equal(3_000, metrics.Sum(CoupaMetrics.ImportRecordsWritten));
        Assert.Equal(["cancelled", "completed"], metrics.Counter(CoupaMetrics.ImportRuns).Select(m => MeterCapture.Tags(m)[Outcome]));
        var ends = MeterCapture.Events(harness.Services.Logs, RunTelemetry.ImportRunEndedEvent);
        Assert.Equal(2, ends.Count);
        Assert.All(ends, e => Assert.Equal(cut.RunId, e.GetStructuredStateValue(RunId)));
        Assert.Equal(["1", "2"], ends.Select(e => e.GetStructuredStateValue(Attempt)));
        Assert.Equal(["False", "True"], ends.Select(e => e.GetStructuredStateValue(Resumed)));
        Assert.Equal([cut.RecordsRead.ToString(), (3_000 - cut.RecordsRead).ToString()], ends.Select(e => e.GetStructuredStateValue(RecordsRead)));
        Assert.Contains("next run resumes", ends[0].GetStructuredStateValue(Error));
    }

    private sealed class Progress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    private static void AssertFailedRun(ImportHarness harness, MeterCapture metrics, ImportSummary summary, string failureKind)
    {
        var run = Assert.Single(metrics.Counter(CoupaMetrics.ImportRuns));
        Assert.Equal(new Dictionary<string, string?>
        {
            [Function] = "suppliers", [Dataset] = "suppliers", [HookId] = HookIds.None, [Outcome] = "failed", [FailureKind] = failureKind,
        }, MeterCapture.Tags(run));
        Assert.Equal(0, metrics.Sum(CoupaMetrics.ImportRecordsRead));
        var ended = Assert.Single(MeterCapture.Events(harness.Services.Logs, RunTelemetry.ImportRunEndedEvent));
        Assert.Equal(LogLevel.Warning, ended.Level);
        Assert.Equal(summary.RunId, ended.GetStructuredStateValue(RunId));
        Assert.Equal("failed", ended.GetStructuredStateValue(Outcome));
        Assert.Equal(failureKind, ended.GetStructuredStateValue(FailureKind));
        Assert.Equal(summary.Error, ended.GetStructuredStateValue(Error));
        Assert.Contains(summary.Error!, ended.Message);
    }
}
