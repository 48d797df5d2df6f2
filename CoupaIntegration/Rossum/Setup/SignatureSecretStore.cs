using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using CoupaIntegration.Common;
using CoupaIntegration.Webhooks;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// The webhook signature secret in Key Vault (<c>webhook-signature-secret</c>, which the Function App's
/// <c>Webhooks__SignatureSecret</c> setting references): read, or written when an install makes one. Uses the same
/// credential and Key Vault HTTP client as the app's fallback secrets (<c>az login</c> locally).
/// </summary>
public sealed class SignatureSecretStore(TokenCredential credential, IHttpClientFactory httpClients, ILogger<SignatureSecretStore> logger)
{
    public const string SecretName = "webhook-signature-secret";

    public async Task<Secret?> GetAsync(Uri vault, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Client(vault).GetSecretAsync(SecretName, cancellationToken: cancellationToken);
            logger.LogInformation("Read secret {SecretName} from {KeyVault}", SecretName, vault);
            return new Secret(response.Value.Value);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or Azure.Identity.AuthenticationFailedException)
        {
            throw Refused(vault, "read", e, "Key Vault Secrets User");
        }
    }

    public async Task SetAsync(Uri vault, Secret value, CancellationToken cancellationToken)
    {
        try
        {
            await Client(vault).SetSecretAsync(SecretName, value.Reveal(), cancellationToken);
            logger.LogInformation("Wrote secret {SecretName} to {KeyVault}", SecretName, vault);
        }
        catch (Exception e) when (e is RequestFailedException or Azure.Identity.AuthenticationFailedException)
        {
            throw Refused(vault, "write", e, "Key Vault Secrets Officer");
        }
    }

    private SecretClient Client(Uri vault) => new(vault, credential, new SecretClientOptions
    {
        Transport = new HttpClientTransport(httpClients.CreateClient(WebhookServiceCollectionExtensions.KeyVaultHttpClientName)),
    });

    private static IntegrationException Refused(Uri vault, string verb, Exception e, string role) => e switch
    {
        RequestFailedException { Status: 401 or 403 } r => new IntegrationException(FailureKind.Configuration,
            $"Key Vault {vault} refused to {verb} secret '{SecretName}' ({r.Status} {r.ErrorCode}): grant your identity the '{role}' role."),
        RequestFailedException r => new IntegrationException(FailureKind.Transient,
            $"Key Vault {vault} could not {verb} secret '{SecretName}' ({r.Status} {r.ErrorCode}); try again later."),
        _ => new IntegrationException(FailureKind.Configuration,
            $"Could not sign in to Key Vault {vault} to {verb} secret '{SecretName}': no usable Azure identity (az login)."),
    };
}
