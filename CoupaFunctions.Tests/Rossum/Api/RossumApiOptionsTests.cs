using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Rossum.Api;
using Microsoft.Extensions.Options;

namespace CoupaFunctions.Tests.Rossum.Api;

public sealed class RossumApiOptionsTests
{
    [Fact]
    public async Task DefaultConfiguration_IsValid()
    {
        await using var services = TestServices.Create();
        Assert.Equal(100, services.Get<IOptions<RossumApiOptions>>().Value.PageSize);
    }

    [Theory]
    [InlineData("RossumApi:PageSize", "101", "PageSize")]
    [InlineData("RossumApi:RunPollIntervalSeconds", "0", "RunPollIntervalSeconds")]
    [InlineData("RossumApi:InvokeTimeoutSeconds", "0", "InvokeTimeoutSeconds")]
    public void AnInvalidSetting_FailsAtStartUp_NamingItsKey(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => TestServices.Create(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, error.Message);
    }

    [Theory]
    [InlineData("https://acme.rossum.app", "https://acme.rossum.app/api/v1")]
    [InlineData("https://acme.rossum.app/", "https://acme.rossum.app/api/v1")]
    [InlineData("https://elis.rossum.ai/api", "https://elis.rossum.ai/api/v1")]
    [InlineData("https://acme.rossum.app/api/v1/", "https://acme.rossum.app/api/v1")]
    public void TheOrganisationsAddress_InAnyCommonSpelling_LeadsToItsApiRoot(string given, string root) =>
        Assert.Equal(root, RossumApiFactory.ApiRoot(new Uri(given)).ToString());
}
