using Azure;
using Azure.Security.KeyVault.Secrets;
using CoupaIntegration.Common;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Secrets;

/// <summary>
/// Reads fallback secrets from Key Vault (SecretClient, DefaultAzureCredential in Azure). Values are wrapped in
/// <see cref="Secret"/> at once; only the secret's name ever reaches a log or a message.
/// </summary>
public sealed class KeyVaultSecrets(SecretClient? client, ILogger<KeyVaultSecrets> logger)
{
    public bool IsConfigured => client is not null;

    public string Describe => client is null ? "no Key Vault (Secrets:KeyVaultUri is not set)" : $"Key Vault {client.VaultUri}";

    /// <summary>The secret's value, or null when Key Vault is not configured or holds no such secret.</summary>
    public async Task<Secret?> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (client is null) return null;
        try
        {
            var response = await client.GetSecretAsync(name, cancellationToken: cancellationToken);
            logger.LogInformation("Read secret {SecretName} from {KeyVault}", name, client.VaultUri);
            return new Secret(response.Value.Value);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (RequestFailedException e)
        {
            throw new IntegrationException(e.Status is 401 or 403 ? FailureKind.Configuration : FailureKind.Transient,
                $"Key Vault {client.VaultUri} refused to read secret '{name}' ({e.Status} {e.ErrorCode}): " +
                (e.Status is 401 or 403 ? "grant the app's identity the 'Key Vault Secrets User' role." : "try again later."));
        }
        catch (Azure.Identity.AuthenticationFailedException)
        {
            throw new IntegrationException(FailureKind.Configuration,
                $"Could not sign in to Key Vault {client.VaultUri} to read secret '{name}': the app has no usable Azure identity (managed identity, or az login locally).");
        }
    }
}
