namespace CoupaIntegration.Rossum.Api.Wire;

/// <summary>A user; a hook's <c>token_owner</c> is a user's <c>url</c>.</summary>
public sealed record RossumUser(long Id, string? Url, string? Username);
