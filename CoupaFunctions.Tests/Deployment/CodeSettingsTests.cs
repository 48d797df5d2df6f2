using CoupaFunctions.Durable;
using CoupaFunctions.Http;
using CoupaIntegration.Coupa;
using CoupaIntegration.Scheduling;
using CoupaIntegration.Webhooks;
using CoupaIntegration.Webhooks.Hosting;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>The derived list itself: what the comparisons in this folder stand on.</summary>
public sealed class CodeSettingsTests
{
    [Fact]
    public void FunctionAppOptions_AreThoseItsRegistrationsBind_NotCoupaServes()
    {
        var types = AppSettingsCatalog.FunctionAppOptionsTypes();

        Assert.Contains(typeof(CoupaOptions), types);
        Assert.Contains(typeof(WebhookOptions), types);
        Assert.Contains(typeof(DurableOptions), types);
        Assert.Contains(typeof(StatusLinkOptions), types);
        Assert.Contains(typeof(ScheduledImportOptions), types);
        Assert.DoesNotContain(typeof(WebhookServerOptions), types);
    }

    [Fact]
    public void CodeSettings_NameListsAsPrefixes_AndScalarsWithTheirDefaults()
    {
        var settings = AppSettingsCatalog.CodeSettings.ToDictionary(s => s.Name);

        Assert.True(settings["Secrets__CoupaHostAllowList"].IsCollection);
        Assert.True(settings["Webhooks__SignatureSecrets"].IsCollection);
        Assert.True(settings["ScheduledImports__Jobs"].IsCollection);
        Assert.Equal("24", settings["Coupa__RequestsPerSecond"].DefaultValue);
        Assert.Equal("0.5", settings["Export__RetryDelaySeconds"].DefaultValue);
        Assert.Null(settings["Webhooks__ProtectionKey"].DefaultValue);
        Assert.Equal("Secrets__CoupaHostAllowList", AppSettingsCatalog.Normalize("Secrets__CoupaHostAllowList__3"));
    }
}
