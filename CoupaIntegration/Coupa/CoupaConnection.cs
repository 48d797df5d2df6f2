using CoupaIntegration.Common;

namespace CoupaIntegration.Coupa;

/// <summary>One Coupa OAuth client on one instance, with the scopes a job needs.</summary>
public sealed record CoupaConnection(Uri BaseUrl, string ClientId, Secret ClientSecret, IReadOnlyList<string> Scopes)
{
    public const string RequestOptionKey = "Coupa.Connection";

    /// <summary>The instance a rate limit and a token cache entry belong to (scheme, host, port).</summary>
    public string Instance => BaseUrl.GetLeftPart(UriPartial.Authority).ToLowerInvariant();

    /// <summary>Key of the token cache: the same client asking for different scopes gets different tokens.</summary>
    public string TokenCacheKey => $"{Instance}|{ClientId}|{string.Join(' ', Scopes.Order(StringComparer.Ordinal))}";

    public static Uri NormalizeBaseUrl(string url)
    {
        var uri = new Uri(url.Trim(), UriKind.Absolute);
        // Refit joins "/api/…" onto the authority; a base path would be dropped, so keep the authority only.
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }
}
