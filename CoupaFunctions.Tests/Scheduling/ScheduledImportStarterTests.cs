using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;
using CoupaIntegration.Scheduling;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using static CoupaFunctions.Tests.Scheduling.ScheduledImportTestData;

namespace CoupaFunctions.Tests.Scheduling;

public sealed class ScheduledImportStarterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ScheduledImportStarter Starter(FakeLogger<ScheduledImportStarter>? logger = null, params ScheduledImportJob[] jobs) =>
        new(ImportCatalog.Default, Options.Create(new ScheduledImportOptions { Jobs = [.. jobs] }), logger ?? new FakeLogger<ScheduledImportStarter>());

    [Theory]
    [InlineData("*/15 * * * *", "2026-12-03T10:14:00", "2026-12-03T10:19:00", true)]   // 10:15 fell between the ticks
    [InlineData("*/15 * * * *", "2026-12-03T10:15:00", "2026-12-03T10:20:00", false)]  // 10:15 belonged to the last tick
    [InlineData("*/15 * * * *", "2026-12-03T10:16:00", "2026-12-03T10:21:00", false)]
    [InlineData("10 2 * * *", "2026-12-03T02:05:00", "2026-12-03T02:10:00", true)]     // the occurrence at the tick itself counts
    [InlineData("10 2 * * *", "2026-12-03T02:10:00", "2026-12-03T02:15:00", false)]
    [InlineData("0 30 2 * * *", "2026-12-03T02:29:59", "2026-12-03T02:30:30", true)]   // six fields: seconds first
    public void DueJobs_HaveAnOccurrenceSinceTheLastTick(string cron, string lastTick, string now, bool due)
    {
        var starter = Starter(jobs: Job(cron: cron));
        Assert.Equal(due, starter.DueJobs(At(lastTick), At(now)).Count == 1);
    }

    [Fact]
    public void DueJobs_FirstTick_LooksBackFiveMinutes()
    {
        var starter = Starter(jobs: [Job("a", "*/15 * * * *"), Job("b", "10 2 * * *")]);
        Assert.Equal(["a"], starter.DueJobs(null, At("2026-12-03T10:16:00")).Select(j => j.Name));
    }

    [Fact]
    public void DueJobs_AfterALongOutage_StartEachJobOnce()
    {
        var starter = Starter(jobs: Job(cron: "*/15 * * * *"));
        Assert.Single(starter.DueJobs(At("2026-11-01T00:00:00"), At("2026-12-03T10:16:00")));
    }

    [Fact]
    public async Task StartDue_StartsDueJobs_AsJobRequestsWithoutSecrets()
    {
        var launcher = new RecordingLauncher();
        var outcomes = await Starter(jobs: Job()).StartDueAsync(launcher, At("2026-12-03T10:14:00"), At("2026-12-03T10:19:00"), Ct);

        var started = Assert.Single(launcher.Started);
        Assert.False(Assert.Single(outcomes).Skipped);
        Assert.Equal("purchase_orders", started.Type);
        Assert.Equal("purchase_orders_prod", started.DatasetName);
        Assert.Equal("acme.rossum.app/purchase_orders_prod", started.DatasetKey);
        Assert.Equal("https://acme.rossum.app", started.RossumBaseUrl);
        Assert.Null(started.ProtectedCoupaSecret);   // Key Vault, by the documented name
        Assert.Null(started.ProtectedRossumToken);   // Key Vault rossum-api-token-{host}
        Assert.Equal("schedule:po", started.HookUrl);
    }

    [Fact]
    public async Task StartDue_SkipsADatasetThatIsStillRunning_WithALogLine()
    {
        var logger = new FakeLogger<ScheduledImportStarter>();
        var launcher = new RecordingLauncher("acme.rossum.app/purchase_orders_prod");

        var outcome = Assert.Single(await Starter(logger, Job()).StartDueAsync(launcher, At("2026-12-03T10:14:00"), At("2026-12-03T10:19:00"), Ct));

        Assert.True(outcome.Skipped);
        Assert.Equal("running-purchase_orders_prod", outcome.RunId);
        Assert.Empty(launcher.Started);
        var line = Assert.Single(logger.Collector.GetSnapshot(), r => r.Message.Contains("skipped"));
        Assert.Equal("po", line.GetStructuredStateValue("ScheduledJob"));
        Assert.Equal("purchase_orders_prod", line.GetStructuredStateValue("Dataset"));
    }

    [Fact]
    public void Request_WithoutType_TakesItFromTheEndpoint_AndWithoutRossumUrl_GoesToTheLocalHub()
    {
        var job = Job(type: null, settings: """{"credentials":{"client_id":"c","base_api_url":"https://acme.coupahost.com/"},"import_config":{"endpoint":"api/suppliers"}}""");
        job.RossumBaseUrl = null;

        var request = ScheduledImportRequests.ToRequest(ImportCatalog.Default, job, At("2026-12-03T10:00:00"));

        Assert.Equal("suppliers", request.Type);
        Assert.Equal("local/suppliers", request.DatasetKey);
        Assert.Null(request.RossumBaseUrl);
    }
}
