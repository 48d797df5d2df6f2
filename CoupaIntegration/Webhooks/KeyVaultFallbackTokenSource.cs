using CoupaIntegration.Common;
using CoupaIntegration.Rossum.DataStorage;
using CoupaIntegration.Secrets;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// The hook call's token while it lives; once Data Storage rejects it (token_lifetime_s ran out, at most 2 h),
/// a Rossum API token from Key Vault, so runs of many hours carry on. The Key Vault token is offered only to a
/// <c>base_url</c> on <c>Secrets:RossumHostAllowList</c>: the payload names the host, and a long-lived token must
/// never follow a mistyped or hostile one. Without a fallback the run stops with the reason and keeps everything
/// written so far.
/// </summary>
public sealed class KeyVaultFallbackTokenSource(
    Secret? payloadToken,
    Uri baseUrl,
    KeyVaultSecrets keyVault,
    string keyVaultSecretName,
    IReadOnlyCollection<string> rossumHostAllowList) : IRossumTokenSource
{
    private Secret? _current = payloadToken;

    public string? NoReplacementReason { get; private set; }

    public async ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken) =>
        _current ??= await FallbackAsync(cancellationToken)
            ?? throw new IntegrationException(FailureKind.Configuration,
                $"The hook call brought no rossum_authorization_token (set the hook's token owner). {NoReplacementReason}");

    public async ValueTask<Secret?> OnRejectedAsync(Secret rejected, CancellationToken cancellationToken)
    {
        var fallback = await FallbackAsync(cancellationToken);
        if (fallback is null) return null;
        if (fallback.Reveal() == rejected.Reveal())
        {
            NoReplacementReason = $"The Rossum API token in Key Vault secret '{keyVaultSecretName}' was rejected as well: replace it with a valid token.";
            return null;
        }
        _current = fallback;
        return fallback;
    }

    private async Task<Secret?> FallbackAsync(CancellationToken cancellationToken)
    {
        if (!keyVault.IsConfigured)
        {
            NoReplacementReason = "No fallback: Secrets:KeyVaultUri is not set. Set the hook's token_lifetime_s (up to 7200), " +
                $"or for longer runs store a Rossum API token in Key Vault as '{keyVaultSecretName}'.";
            return null;
        }
        if (!HostAllowList.Allows(rossumHostAllowList, baseUrl))
        {
            NoReplacementReason = $"The Key Vault Rossum API token is not offered to {baseUrl.Host}: the host is not on Secrets:RossumHostAllowList " +
                $"({string.Join(", ", rossumHostAllowList)}). Add it there if it is your Rossum environment.";
            return null;
        }
        var secret = await keyVault.GetAsync(keyVaultSecretName, cancellationToken);
        if (secret is null)
            NoReplacementReason = $"No fallback: {keyVault.Describe} has no secret '{keyVaultSecretName}' (a Rossum API token for {baseUrl.Host}).";
        return secret;
    }
}
