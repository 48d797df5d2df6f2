using CoupaIntegration.Telemetry;

namespace CoupaFunctions.Tests.Telemetry;

public sealed class HookIdsTests
{
    [Theory]
    [InlineData("https://acme.rossum.app/api/v1/hooks/789", "789")]
    [InlineData("https://acme.rossum.app/api/v1/hooks/339158/", "339158")]
    [InlineData("schedule:po-nightly", "schedule:po-nightly")]
    [InlineData(null, "none")]
    [InlineData("", "none")]
    [InlineData("https://acme.rossum.app/api/v1/hooks/", "unknown")]
    [InlineData("not a url", "unknown")]
    public void HookId_IsTheNumericIdOfTheHookUrl_OrANamedStandIn(string? hook, string expected) =>
        Assert.Equal(expected, HookIds.From(hook));
}
