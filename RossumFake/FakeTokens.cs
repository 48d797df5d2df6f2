using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace RossumFake;

/// <summary>
/// API tokens the fake issues, each for one organisation and with an expiry, like the per-call tokens Rossum
/// gives hooks. Both Rossum schemes are accepted: <c>Bearer</c> and the legacy <c>Token</c>.
/// </summary>
public sealed class FakeTokens(RossumFakeOptions options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (string Organisation, DateTimeOffset ExpiresAt)> _tokens = new(StringComparer.Ordinal);

    public string Mint(string organisation = FakeOrganisations.Default, TimeSpan? lifetime = null)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
        _tokens[token] = (organisation, time.GetUtcNow() + (lifetime ?? options.DefaultTokenLifetime));
        return token;
    }

    /// <summary>What Rossum does when it receives the hook's answer, or when the lifetime runs out.</summary>
    public void Expire(string token)
    {
        if (_tokens.TryGetValue(token, out var entry)) _tokens[token] = (entry.Organisation, DateTimeOffset.MinValue);
    }

    /// <summary>What <c>token_lifetime_s</c> does once the hook has answered: the token lives that much longer.</summary>
    public void ExpireAfter(string token, TimeSpan lifetime)
    {
        if (_tokens.TryGetValue(token, out var entry)) _tokens[token] = (entry.Organisation, time.GetUtcNow() + lifetime);
    }

    public void ExpireAll()
    {
        foreach (var token in _tokens.Keys) Expire(token);
    }

    /// <summary>The organisation of a valid token in an Authorization header, or null (unknown, expired, absent).</summary>
    public string? OrganisationOf(string? authorization)
    {
        if (string.IsNullOrWhiteSpace(authorization)) return null;
        var parts = authorization.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !(parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase) || parts[0].Equals("Token", StringComparison.OrdinalIgnoreCase)))
            return null;
        return _tokens.TryGetValue(parts[1], out var entry) && entry.ExpiresAt > time.GetUtcNow() ? entry.Organisation : null;
    }
}
