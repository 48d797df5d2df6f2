
namespace CoupaIntegration.Exports;

/// <summary>
/// The built-in mappings, embedded resources equivalent to the CIB export mappings of the same names
/// (line-level and header-level taxation), with tax lines as Coupa's canonical arrays.
/// </summary>
public static class DefaultTemplates
{
    public const string LineLevelTaxation = "line-level-taxation";
    public const string HeaderLevelTaxation = "header-level-taxation";

    public static IReadOnlyList<string> Names { get; } = [LineLevelTaxation, HeaderLevelTaxation];

    private static readonly Dictionary<string, ExportTemplate> Parsed = Names.ToDictionary(n => n, n => ExportTemplate.Parse($"'{n}' (built in)", Source(n)), StringComparer.OrdinalIgnoreCase);

    public static ExportTemplate? Find(string name) => Parsed.GetValueOrDefault(name);

    public static string Source(string name)
    {
        var assembly = typeof(DefaultTemplates).Assembly;
        using var stream = assembly.GetManifestResourceStream($"CoupaIntegration.Exports.Templates.{name}.liquid")
            ?? throw new InvalidOperationException($"Built-in template {name} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
