using CoupaIntegration.Common;
using CoupaIntegration.Rossum.DataStorage;
using CoupaIntegration.Secrets;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// The hook call's token while it lives; once Data Storage rejects it (token_lifetime_s ran out, at most 2 h),
/// a Rossum API token from Key Vault, so runs of many hours carry on. Without one the run stops with a clear
/// reason and keeps everything written so far.
/// </summary>
public sealed class KeyVaultFallbackTokenSource(Secret? payloadToken, KeyVaultSecrets keyVault, string keyVaultSecretName) : IRossumTokenSource
{
    private Secret? _current = payloadToken;

    public async ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken) =>
        _current ??= await keyVault.GetAsync(keyVaultSecretName, cancellationToken)
            ?? throw new IntegrationException(FailureKind.Configuration,
                $"The hook call brought no rossum_authorization_token (set the hook's token owner) and {keyVault.Describe} has no secret '{keyVaultSecretName}'.");

    public async ValueTask<Secret?> OnRejectedAsync(Secret rejected, CancellationToken cancellationToken)
    {
        var fallback = await keyVault.GetAsync(keyVaultSecretName, cancellationToken);
        if (fallback is null || fallback.Reveal() == rejected.Reveal()) return null;
        _current = fallback;
        return fallback;
    }
}
