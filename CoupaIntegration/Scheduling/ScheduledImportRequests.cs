using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;

namespace CoupaIntegration.Scheduling;

/// <summary>
/// Turns a scheduled job into the same <see cref="ImportJobRequest"/> a hook call produces, so scheduled and hook
/// runs share the launcher, the one-run-per-dataset rule and the executor. A scheduled job carries no secrets:
/// the executor takes the Coupa secret from Key Vault, and the hub the Rossum token (no payload token to start with).
/// </summary>
public static class ScheduledImportRequests
{
    /// <summary>The job's catalog entry, parsed settings and target dataset; throws on anything a person must fix.</summary>
    public static (ImportCatalogEntry Entry, ImportSettings Settings, string DatasetName) Resolve(ImportCatalog catalog, ScheduledImportJob job)
    {
        var settings = ImportSettingsParser.Parse(job.Settings ?? "");
        var errors = new List<SettingsError>();
        if (string.IsNullOrWhiteSpace(settings.Credentials.BaseApiUrl)) errors.Add(new("$.credentials.base_api_url", "is required, e.g. https://yourorg.coupahost.com/"));
        if (string.IsNullOrWhiteSpace(settings.Credentials.ClientId)) errors.Add(new("$.credentials.client_id", "is required"));

        ImportCatalogEntry? entry = null;
        if (job.Type is { Length: > 0 } type) entry = catalog.Get(type);
        else if (settings.ImportConfig.Endpoint is not { } endpoint) errors.Add(new("$.import_config.endpoint", "is required when the job names no Type, such as api/suppliers"));
        else if ((entry = catalog.FindByEndpoint(endpoint)) is null) errors.Add(new("$.import_config.endpoint", $"'{endpoint}' is no endpoint of a known import type"));

        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return (entry!, settings, settings.ImportConfig.DatasetName is { Length: > 0 } name ? name : entry!.DatasetName);
    }

    /// <summary>Dataset key as the webhook handler forms it (Rossum host + dataset), so a hook and a schedule never run one dataset twice.</summary>
    public static string DatasetKey(string? rossumBaseUrl, string datasetName) =>
        $"{(rossumBaseUrl is { Length: > 0 } url ? new Uri(url).Host.ToLowerInvariant() : "local")}/{datasetName}";

    public static ImportJobRequest ToRequest(ImportCatalog catalog, ScheduledImportJob job, DateTimeOffset tick)
    {
        var (entry, _, dataset) = Resolve(catalog, job);
        return new ImportJobRequest
        {
            Type = entry.Type,
            SettingsJson = job.Settings!,
            DatasetKey = DatasetKey(job.RossumBaseUrl, dataset),
            DatasetName = dataset,
            RossumBaseUrl = job.RossumBaseUrl is { Length: > 0 } url ? new Uri(url).GetLeftPart(UriPartial.Authority) : null,
            HookUrl = $"schedule:{job.Name}",
            RequestId = $"{job.Name}@{tick.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}",
        };
    }
}
