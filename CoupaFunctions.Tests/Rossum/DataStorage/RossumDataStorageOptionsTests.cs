using CoupaFunctions.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

public sealed class RossumDataStorageOptionsTests
{
    [Fact]
    public async Task DefaultConfiguration_IsValid()
    {
        await using var services = TestServices.Create();
        Assert.Equal("coupa_functions_state", services.Get<IOptions<CoupaIntegration.Rossum.DataStorage.RossumDataStorageOptions>>().Value.StateCollection);
    }

    [Theory]
    [InlineData("RossumDataStorage:OperationPollIntervalSeconds", "0", "OperationPollIntervalSeconds")]
    [InlineData("RossumDataStorage:StateCollection", "", "StateCollection")]
    [InlineData("RossumDataStorage:StateCollection", "bad name!", "StateCollection")]
    [InlineData("RossumDataStorage:MaxDocumentsPerRequest", "0", "MaxDocumentsPerRequest")]
    public void AnInvalidSetting_FailsAtStartUp_NamingItsKey(string key, string value, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => TestServices.Create(new Dictionary<string, string?> { [key] = value }));
        Assert.Contains(named, error.Message);
    }
}
