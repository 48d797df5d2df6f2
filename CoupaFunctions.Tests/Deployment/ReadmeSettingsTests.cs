using System.Text.RegularExpressions;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>The README's "App settings" table has one row per setting the app, the host or Azure reads, with the code's defaults.</summary>
public sealed partial class ReadmeSettingsTests
{
    [Fact]
    public void AppSettingsTable_HasARowPerSetting()
    {
        var names = Rows().Select(r => AppSettingsCatalog.Normalize(r.Name)).ToList();
        var expected = AppSettingsCatalog.CodeSettings.Select(s => s.Name)
            .Concat(AppSettingsCatalog.AzureHostSettings)
            .Concat(AppSettingsCatalog.ElasticPremiumHostSettings)
            .Concat(AppSettingsCatalog.LocalHostSettings)
            .Distinct();

        var difference = AppSettingsCatalog.Difference("README \"App settings\" table", expected, names);
        Assert.True(difference.Length == 0, difference);
        var repeated = names.GroupBy(n => n).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, "rows repeated: " + string.Join(", ", repeated));
    }

    [Fact]
    public void AppSettingsTable_ShowsTheCodesDefaults()
    {
        var rows = Rows().ToDictionary(r => r.Name);

        var wrong = AppSettingsCatalog.Scalars
            .Where(s => s.DefaultValue is not null && rows.ContainsKey(s.Name) && rows[s.Name].Default != s.DefaultValue)
            .Select(s => $"{s.Name}: code default '{s.DefaultValue}', README '{rows[s.Name].Default}'")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    private sealed record Row(string Name, string Default);

    private static IEnumerable<Row> Rows()
    {
        var lines = File.ReadAllLines(Path.Combine(SharedFolder.RepositoryRoot, "README.md"));
        var start = Array.FindIndex(lines, l => l.Trim() == "## App settings");
        Assert.True(start >= 0, "README.md has no \"## App settings\" section.");
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            var cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 4 || cells[1] == "setting" || cells[1].StartsWith("---", StringComparison.Ordinal)) continue;
            var name = Code().Match(cells[1]);
            if (name.Success) yield return new Row(name.Groups[1].Value, cells[2].Trim('`'));
        }
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
