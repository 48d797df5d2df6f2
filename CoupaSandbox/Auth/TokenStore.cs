using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace CoupaSandbox.Auth;

/// <summary>Issued tokens, in memory. Expired tokens are dropped lazily when presented.</summary>
internal sealed class TokenStore(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TokenInfo> _tokens = new(StringComparer.Ordinal);
    private long _issued;

    public long Issued => Interlocked.Read(ref _issued);

    public string Issue(string clientId, IReadOnlyCollection<string> scopes, TimeSpan lifetime)
    {
        // Opaque random bearer; real Coupa issues JWTs, but clients must not look inside either way.
        string token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        _tokens[token] = new TokenInfo(clientId, new HashSet<string>(scopes, StringComparer.Ordinal), time.GetUtcNow() + lifetime);
        Interlocked.Increment(ref _issued);
        return token;
    }

    public TokenInfo? Validate(string token)
    {
        if (!_tokens.TryGetValue(token, out var info))
            return null;
        if (time.GetUtcNow() < info.ExpiresAt)
            return info;
        _tokens.TryRemove(token, out _);
        return null;
    }

    public void ExpireAll() => _tokens.Clear();

    /// <summary>Tokens issued and not yet dropped: tests assert that none of them ever reaches output or logs.</summary>
    public IReadOnlyCollection<string> Snapshot() => [.. _tokens.Keys];
}
