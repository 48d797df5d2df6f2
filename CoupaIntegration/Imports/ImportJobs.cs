using CoupaIntegration.Common;
using CoupaIntegration.DataHub;

namespace CoupaIntegration.Imports;

/// <summary>
/// The entry point every host uses (Function App, <c>coupa</c> CLI, tests): settings in, summary out.
/// A typed caller names the import type; the generic hook URL finds it by the settings' endpoint.
/// </summary>
public sealed class ImportJobs(ImportCatalog catalog, ImportRunner runner)
{
    public ImportCatalog Catalog => catalog;

    /// <summary>Resolves a job, reporting every settings problem at once.</summary>
    public ImportPlan Plan(string? type, ImportSettings settings, Secret? clientSecret)
    {
        ImportCatalogEntry? entry;
        if (type is not null)
            entry = catalog.Get(type);
        else if (settings.ImportConfig.Endpoint is { } endpoint)
            entry = catalog.FindByEndpoint(endpoint);
        else
            throw new SettingsValidationException([new SettingsError("$.import_config.endpoint", "is required when no import type is named, such as api/suppliers")]);
        return ImportPlanner.Resolve(entry, settings, clientSecret);
    }

    public Task<ImportSummary> RunAsync(ImportPlan plan, IDataHub hub, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        runner.RunAsync(plan, hub, progress, cancellationToken);
}
