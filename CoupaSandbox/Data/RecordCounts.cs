namespace CoupaSandbox.Data;

/// <summary>Resolves SandboxOptions.Records against the defaults; unknown keys fail fast because a typo such as
/// "lookup-value" would otherwise silently fall back to the small default.</summary>
internal static class RecordCounts
{
    public const string PurchaseOrderLines = "purchase_order_lines";

    public static Dictionary<string, long> Resolve(IReadOnlyDictionary<string, int>? requested, IEnumerable<string> resources, out int? requestedLines)
    {
        var known = resources.ToHashSet(StringComparer.Ordinal);
        var given = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in requested ?? new Dictionary<string, int>())
        {
            string name = SandboxData.Normalize(key);
            if (!known.Contains(name))
                throw new ArgumentException($"Unknown resource '{key}' in SandboxOptions.Records. Known: {string.Join(", ", known.Order())}.");
            given[name] = Math.Max(0, value);
        }
        requestedLines = given.TryGetValue(PurchaseOrderLines, out var lines) ? lines : null;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var name in known)
        {
            if (name != PurchaseOrderLines)
                counts[name] = given.TryGetValue(name, out var n) ? n : SandboxOptions.DefaultRecordCounts.GetValueOrDefault(name, 20);
        }
        return counts;
    }
}
