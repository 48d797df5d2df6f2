using System.Text.Json;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Hosting;
using CoupaIntegration.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaFunctions.Tests.Imports;

public sealed class LocalSettingsSampleTests
{
    [Fact]
    public void TheSample_StartsTheCore_WithoutAKeyVaultWhenItsUriIsEmpty()
    {
        var sample = Path.Combine(SharedFolder.RepositoryRoot, "local.settings.sample.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(sample));
        var values = doc.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(p => p.Name.Replace("__", ":"), p => (string?)p.Value.GetString());

        using var services = CoupaServices.Build(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.False(services.GetRequiredService<KeyVaultSecrets>().IsConfigured);
    }
}
