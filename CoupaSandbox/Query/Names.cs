namespace CoupaSandbox.Query;

/// <summary>Coupa accepts attribute names with hyphens or underscores; documents always use hyphens.</summary>
internal static class Names
{
    public static string Hyphenate(string name) => name.Trim().ToLowerInvariant().Replace('_', '-');

    public static string Underscore(string name) => name.Trim().ToLowerInvariant().Replace('-', '_');
}
