using System.Text.Json;
using CoupaFunctions.Extensions;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Hosting;
using Microsoft.Extensions.Configuration;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>local.settings.sample.json lists every setting the Function App reads, at the code's defaults, and starts it.</summary>
public sealed class SampleSettingsTests
{
    /// <summary>Left out of the sample on purpose: an example job would run locally every five minutes (README, "App settings").</summary>
    private const string LeftOut = "ScheduledImports__Jobs";

    [Fact]
    public void Sample_ListsEverySettingTheCodeReads()
    {
        var names = SampleValues().Keys.Select(AppSettingsCatalog.Normalize).Distinct();
        var expected = AppSettingsCatalog.CodeSettings.Select(s => s.Name).Where(n => n != LeftOut).Concat(AppSettingsCatalog.LocalHostSettings);

        var difference = AppSettingsCatalog.Difference("local.settings.sample.json", expected, names);
        Assert.True(difference.Length == 0, difference);
    }

    [Fact]
    public void Sample_GivesTheCodesDefaults()
    {
        var values = SampleValues();

        var wrong = AppSettingsCatalog.Scalars
            .Where(s => s.DefaultValue is not null && values.GetValueOrDefault(s.Name) != s.DefaultValue)
            .Select(s => $"{s.Name}: code default '{s.DefaultValue}', sample '{values.GetValueOrDefault(s.Name) ?? "(absent)"}'")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Fact]
    public void Sample_PassesTheFunctionAppsStartupValidation()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(SampleValues().ToDictionary(p => p.Key.Replace("__", ":"), p => (string?)p.Value))
            .Build();

        // Throws, naming the key, when any options class of the Function App rejects a value.
        using var services = CoupaServices.Build(configuration, configure: s => s.AddImportFunctions());
    }

    internal static Dictionary<string, string> SampleValues()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(SharedFolder.RepositoryRoot, "local.settings.sample.json")));
        return doc.RootElement.GetProperty("Values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
