namespace CoupaIntegration.Secrets;

/// <summary>Host patterns: <c>*.coupahost.com</c> matches any subdomain (not the bare domain); other entries match exactly.</summary>
public static class HostAllowList
{
    public static bool Allows(IEnumerable<string> patterns, Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant();
        return patterns.Select(p => p.Trim().ToLowerInvariant()).Any(pattern =>
            pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(pattern[1..], StringComparison.Ordinal) && host.Length > pattern.Length - 1
                : host == pattern);
    }
}
