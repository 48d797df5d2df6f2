using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Data Storage rejected the token (401) and no replacement was offered. Its own type so a host can catch it,
/// switch to a longer-lived credential and resume the run, which continues where its data was written.
/// </summary>
/// <param name="noReplacementReason">The token source's reason for offering no replacement, replacing the generic advice.</param>
public sealed class RossumTokenExpiredException(Uri baseUrl, string operation, string? noReplacementReason = null)
    : IntegrationException(FailureKind.Configuration,
        $"Rossum Data Storage rejected the token (401) while {operation} at {baseUrl.GetLeftPart(UriPartial.Authority)}: the hook's token expired or was revoked. " +
        (noReplacementReason ?? "It lives 10 minutes, or until Rossum receives the hook's answer; set the hook's token_lifetime_s (up to 7200) or configure a longer-lived credential."))
{
    public Uri BaseUrl { get; } = baseUrl;

    public string Operation { get; } = operation;
}
