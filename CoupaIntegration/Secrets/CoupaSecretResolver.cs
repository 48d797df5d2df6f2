using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Secrets;

/// <summary>
/// The Coupa client secret for a job: the hook's own <c>secrets.client_secret</c> first, else Key Vault — and a
/// Key Vault secret only for a host on the allow-list, checked before Key Vault is even asked.
/// </summary>
public sealed class CoupaSecretResolver(KeyVaultSecrets keyVault, IOptions<SecretsOptions> options)
{
    public async Task<Secret?> ResolveAsync(CredentialsSettings credentials, Secret? fromPayload, CancellationToken cancellationToken)
    {
        if (fromPayload is { IsEmpty: false }) return fromPayload;
        if (credentials.ClientId is not { Length: > 0 } clientId || credentials.BaseApiUrl is null
            || !Uri.TryCreate(credentials.BaseApiUrl.Trim(), UriKind.Absolute, out var baseUrl))
            return null; // the planner reports the missing pieces, all at once
        if (!keyVault.IsConfigured) return null;

        var allowList = options.Value.CoupaHostAllowList;
        if (!HostAllowList.Allows(allowList, baseUrl))
            throw new IntegrationException(FailureKind.Configuration,
                $"Refusing to send the Key Vault client secret of client id '{clientId}' to {baseUrl.Host}: the host is not on the Coupa host allow-list " +
                $"(Secrets:CoupaHostAllowList = {string.Join(", ", allowList)}). Put the secret in the hook's secrets.client_secret, or add the host.");

        var name = SecretsOptions.KeyVaultName(options.Value.CoupaClientSecretName, "{clientId}", clientId);
        return await keyVault.GetAsync(name, cancellationToken)
            ?? throw new IntegrationException(FailureKind.Configuration,
                $"No Coupa client secret for client id '{clientId}': the hook has no secrets.client_secret and {keyVault.Describe} has no secret '{name}'.");
    }
}
