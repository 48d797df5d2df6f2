using CoupaIntegration.DataHub;
using CoupaIntegration.Rossum.DataStorage;
using CoupaIntegration.Secrets;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Webhooks;

/// <summary>Rossum Data Storage of the calling organisation for hook calls; the configured SQLite file otherwise.</summary>
public sealed class JobDataHubFactory(
    RossumDataStorageFactory rossum,
    KeyVaultSecrets keyVault,
    IPayloadProtector protector,
    IOptions<SecretsOptions> secrets,
    IOptions<LocalDataHubOptions> local) : IJobDataHubFactory
{
    public IDataHub Create(ImportJobRequest job)
    {
        if (job.RossumBaseUrl is null) return DataHubFactory.Open(local.Value.DataHub);
        var baseUrl = new Uri(job.RossumBaseUrl);
        var token = job.ProtectedRossumToken is { } protectedToken ? protector.Unprotect(protectedToken) : null;
        var name = SecretsOptions.KeyVaultName(secrets.Value.RossumApiTokenName, "{host}", baseUrl.Host);
        return rossum.CreateHub(baseUrl, new KeyVaultFallbackTokenSource(token, baseUrl, keyVault, name, secrets.Value.RossumHostAllowList));
    }
}

/// <summary>Where jobs without a Rossum organisation (local runs) write. Section "Local".</summary>
public sealed class LocalDataHubOptions
{
    public const string SectionName = "Local";

    public string DataHub { get; set; } = "sqlite:.coupa/serve.db";
}
