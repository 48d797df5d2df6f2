using CoupaFunctions.Extensions;
using CoupaIntegration.Hosting;
using CoupaIntegration.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static CoupaFunctions.Tests.Scheduling.ScheduledImportTestData;

namespace CoupaFunctions.Tests.Scheduling;

/// <summary>Scheduled jobs are checked when the app starts, every problem named by its configuration key.</summary>
public sealed class ScheduledImportOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        CoupaServices.Build(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), configure: services => services.AddImportFunctions());

    [Fact]
    public void NoScheduledImports_IsValid()
    {
        using var provider = Build([]);
        Assert.Empty(provider.GetRequiredService<IOptions<ScheduledImportOptions>>().Value.Jobs);
    }

    [Fact]
    public void AJobWithNothingSet_FailsAtStart_NamingEachKey()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Build(new() { ["ScheduledImports:Jobs:0:Type"] = "suppliers" }));

        Assert.Contains("ScheduledImports:Jobs:0:Name is required", e.Message);
        Assert.Contains("ScheduledImports:Jobs:0:Cron is required", e.Message);
        Assert.Contains("ScheduledImports:Jobs:0:Settings is required", e.Message);
    }

    [Fact]
    public void InvalidValues_FailAtStart_NamingTheKey()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Build(new()
        {
            ["ScheduledImports:TimerSchedule"] = "every five minutes",
            ["ScheduledImports:Jobs:0:Name"] = "po",
            ["ScheduledImports:Jobs:0:Type"] = "purchase_orders",
            ["ScheduledImports:Jobs:0:Cron"] = "*/15 * * *",
            ["ScheduledImports:Jobs:0:Settings"] = PurchaseOrderSettings,
            ["ScheduledImports:Jobs:1:Name"] = "po",
            ["ScheduledImports:Jobs:1:Type"] = "no_such_type",
            ["ScheduledImports:Jobs:1:Cron"] = "0 2 * * *",
            ["ScheduledImports:Jobs:1:RossumBaseUrl"] = "acme.rossum.app",
            ["ScheduledImports:Jobs:1:Settings"] = """{"credentials":{"client_id":7}}""",
        }));

        Assert.Contains("ScheduledImports:TimerSchedule", e.Message);
        Assert.Contains("ScheduledImports:Jobs:0:Cron", e.Message);
        Assert.Contains("ScheduledImports:Jobs:1:Name: 'po' is used by another job", e.Message);
        Assert.Contains("ScheduledImports:Jobs:1:RossumBaseUrl", e.Message);
        Assert.Contains("ScheduledImports:Jobs:1:Settings: $.credentials.client_id", e.Message);
        Assert.DoesNotContain("ScheduledImports:Jobs:0:Settings", e.Message);
    }

    [Fact]
    public void AnUnknownType_FailsAtStart_NamingTheJob()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Build(new()
        {
            ["ScheduledImports:Jobs:0:Name"] = "x",
            ["ScheduledImports:Jobs:0:Type"] = "no_such_type",
            ["ScheduledImports:Jobs:0:Cron"] = "0 2 * * *",
            ["ScheduledImports:Jobs:0:Settings"] = PurchaseOrderSettings,
        }));

        Assert.Contains("ScheduledImports:Jobs:0: Unknown import type 'no_such_type'", e.Message);
    }

    [Fact]
    public void AValidJob_Binds()
    {
        using var provider = Build(new()
        {
            ["ScheduledImports:Jobs:0:Name"] = "po",
            ["ScheduledImports:Jobs:0:Type"] = "purchase_orders",
            ["ScheduledImports:Jobs:0:Cron"] = "*/15 * * * *",
            ["ScheduledImports:Jobs:0:RossumBaseUrl"] = "https://acme.rossum.app",
            ["ScheduledImports:Jobs:0:Settings"] = PurchaseOrderSettings,
        });
        Assert.Equal("po", Assert.Single(provider.GetRequiredService<IOptions<ScheduledImportOptions>>().Value.Jobs).Name);
    }

    [Fact]
    public void DurableSliceOutOfRange_FailsAtStart_NamingTheSetting()
    {
        var e = Assert.Throws<OptionsValidationException>(() => Build(new() { ["Durable:SliceSeconds"] = "0" }));
        Assert.Contains("SliceSeconds", e.Message);
    }
}
