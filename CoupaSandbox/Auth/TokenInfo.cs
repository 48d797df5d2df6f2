namespace CoupaSandbox.Auth;

/// <summary>What the sandbox remembers about an issued access token (the token itself is opaque to clients).</summary>
internal sealed record TokenInfo(string ClientId, IReadOnlySet<string> Scopes, DateTimeOffset ExpiresAt);
