using CoupaIntegration.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CoupaFunctions.Tests.Imports;

public sealed class ImportOptionsTests
{
    [Theory]
    [InlineData("Coupa:RequestsPerSecond", "0", "RequestsPerSecond")]
    [InlineData("Import:PageConcurrency", "500", "PageConcurrency")]
    [InlineData("Import:BatchSize", "0", "BatchSize")]
    public void OutOfRangeSetting_FailsAtStartUp_NamingTheKey(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => CoupaServices.Build(configuration));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void EmptyConfiguration_StartsWithTheDocumentedDefaults()
    {
        using var services = CoupaServices.Build(new ConfigurationBuilder().Build());
        Assert.NotNull(services.GetService(typeof(CoupaIntegration.Imports.ImportJobs)));
    }
}
