using CoupaFunctions.Tests.Exports;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Telemetry;
using Microsoft.Extensions.Logging;
using static CoupaIntegration.Telemetry.TelemetryNames;

namespace CoupaFunctions.Tests.Telemetry;

/// <summary>Exports and duplicate checks over loopback: outcome, hook id and retries in metrics and in the end event.</summary>
public sealed class ExportTelemetryTests
{
    [Fact]
    public async Task Export_ThroughTwoFailedLookups_RecordsItsOutcomeInvoiceAndRetries()
    {
        await using var s = await ExportScenario.StartAsync();
        using var metrics = new MeterCapture(s.Harness.Server.Services);
        // The first look-up (a GET, retried by the HTTP pipeline) is answered 503 twice.
        s.Harness.Sandbox.Server.Options.Faults.FailNextRequests = 2;
        var payload = s.Invoice();

        await s.ExportAsync(payload);

        var invoice = Assert.Single(s.Harness.Sandbox.Data.Invoices());
        var export = Assert.Single(metrics.Counter(CoupaMetrics.ExportRuns));
        Assert.Equal(new Dictionary<string, string?> { [Function] = "export", [HookId] = "418430", [Outcome] = "completed" }, MeterCapture.Tags(export));
        Assert.Equal(2, metrics.Sum(CoupaMetrics.ExportRetries));
        Assert.Single(metrics.Histogram(CoupaMetrics.ExportDuration));

        var requestId = payload["request_id"]!.GetValue<string>();
        var started = Assert.Single(MeterCapture.Events(s.Harness.Logs, RunTelemetry.ExportStartedEvent));
        var ended = Assert.Single(MeterCapture.Events(s.Harness.Logs, RunTelemetry.ExportEndedEvent));
        Assert.Equal(requestId, started.GetStructuredStateValue(RunId));
        Assert.Equal(requestId, ended.GetStructuredStateValue(RunId));
        Assert.Equal("completed", ended.GetStructuredStateValue(Outcome));
        Assert.Equal(invoice.Id.ToString(), ended.GetStructuredStateValue(InvoiceId));
        Assert.Equal("4100001", ended.GetStructuredStateValue(AnnotationId));
        Assert.Equal("2", ended.GetStructuredStateValue(Retries));
        Assert.Contains("create done", ended.GetStructuredStateValue(Steps));
        s.Harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task ExportWithAWrongSecret_IsCountedFailed_AsAConfigurationProblem()
    {
        const string wrongSecret = "Wr0ng-Export-Secret-58";
        await using var s = await ExportScenario.StartAsync();
        using var metrics = new MeterCapture(s.Harness.Server.Services);

        var response = await s.ExportAsync(s.Invoice(clientSecret: wrongSecret));

        Assert.Empty(s.Harness.Sandbox.Data.Invoices());
        // Named as what it is, not as "Coupa did not answer".
        Assert.Contains(ExportScenario.Messages(response), m => m.Type == "error" && m.Content.Contains("rejected the credentials of client id"));
        var export = Assert.Single(metrics.Counter(CoupaMetrics.ExportRuns));
        Assert.Equal(new Dictionary<string, string?> { [Function] = "export", [HookId] = "418430", [Outcome] = "failed", [FailureKind] = "configuration" },
            MeterCapture.Tags(export));
        var ended = Assert.Single(MeterCapture.Events(s.Harness.Logs, RunTelemetry.ExportEndedEvent));
        Assert.Equal(LogLevel.Warning, ended.Level);
        Assert.Contains("rejected the credentials", ended.GetStructuredStateValue(Error));
        s.Harness.AssertNoSecretLeaked(wrongSecret);
    }

    [Fact]
    public async Task DuplicateCheck_IsCountedUnderItsOwnFunction_AndABadSignatureAsRejected()
    {
        await using var s = await ExportScenario.StartAsync();
        using var metrics = new MeterCapture(s.Harness.Server.Services);

        await s.ExportAsync(s.Invoice(action: "initialize"), "/api/export/duplicate-check");
        var refused = await s.Harness.PostAsync("/api/export/duplicate-check", s.Invoice(action: "initialize").ToJsonString(), signature: "sha256=00");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.Status);
        Assert.Equal(
            [
                new Dictionary<string, string?> { [Function] = "duplicate-check", [HookId] = "418430", [Outcome] = "completed" },
                new Dictionary<string, string?> { [Function] = "duplicate-check", [HookId] = HookIds.None, [Outcome] = "rejected", [FailureKind] = "configuration" },
            ],
            metrics.Counter(CoupaMetrics.ExportRuns).Select(MeterCapture.Tags));
        Assert.Single(MeterCapture.Events(s.Harness.Logs, RunTelemetry.ExportStartedEvent));
        Assert.Equal(["completed", "rejected"], MeterCapture.Events(s.Harness.Logs, RunTelemetry.ExportEndedEvent).Select(e => e.GetStructuredStateValue(Outcome)));
        s.Harness.AssertNoSecretLeaked();
    }
}
