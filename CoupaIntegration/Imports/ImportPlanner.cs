using System.Text.RegularExpressions;
using CoupaIntegration.Common;
using CoupaIntegration.Coupa;

namespace CoupaIntegration.Imports;

/// <summary>
/// Lays caller settings over a catalog entry field by field and checks the result, reporting every problem
/// by its JSON path. <c>query</c> is one field: a caller's query replaces the default whole, because merging
/// filters could silently turn a full <c>replace</c> into a partial one, and Rossum's service uses it as given.
/// </summary>
public static partial class ImportPlanner
{
    public const int MaxPageSize = 50;

    public static ImportPlan Resolve(ImportCatalogEntry? entry, ImportSettings settings, Secret? clientSecret)
    {
        var errors = new List<SettingsError>();
        var credentials = settings.Credentials;
        var config = settings.ImportConfig;

        var endpoint = config.Endpoint ?? entry?.Endpoint;
        var scope = credentials.ClientScope ?? entry?.Scope;
        var query = config.Query ?? entry?.DefaultQuery() ?? new ImportQuery(null, "id", null, new Dictionary<string, string>());
        var method = config.Method ?? entry?.Method ?? ImportMethod.Update;
        var idKeys = config.IdKeys ?? entry?.IdKeys ?? ["id"];
        var dataset = config.DatasetName ?? entry?.DatasetName;
        var pageSize = config.RecordsPerRequest ?? MaxPageSize;
        var maxRunTime = settings.JobRunSettings.MaxRunTimeSeconds;

        Uri? baseUrl = null;
        if (string.IsNullOrWhiteSpace(credentials.BaseApiUrl))
            errors.Add(new("$.credentials.base_api_url", "is required: the Coupa instance root, such as https://yourorg.coupahost.com/"));
        else if (!Uri.TryCreate(credentials.BaseApiUrl.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
            errors.Add(new("$.credentials.base_api_url", $"must be an absolute https URL (got \"{credentials.BaseApiUrl}\")"));
        else
            baseUrl = CoupaConnection.NormalizeBaseUrl(credentials.BaseApiUrl);

        if (string.IsNullOrWhiteSpace(credentials.ClientId))
            errors.Add(new("$.credentials.client_id", "is required: the Coupa OAuth client id"));
        if (string.IsNullOrWhiteSpace(scope))
            errors.Add(new("$.credentials.client_scope", "is required for an endpoint outside the catalog, such as core.common.read"));
        if (clientSecret is null || clientSecret.IsEmpty)
            errors.Add(new("$.secrets.client_secret", "no Coupa client secret was given (hook secret client_secret, Key Vault, or --client-secret)"));

        if (string.IsNullOrWhiteSpace(endpoint))
            errors.Add(new("$.import_config.endpoint", "is required, such as api/suppliers"));
        else if (!EndpointPattern().IsMatch(endpoint.Trim().TrimStart('/')))
            errors.Add(new("$.import_config.endpoint", $"must be a Coupa API path such as api/suppliers (got \"{endpoint}\")"));

        if (string.IsNullOrWhiteSpace(dataset))
            errors.Add(new("$.import_config.dataset_name", "is required"));
        else if (!DatasetPattern().IsMatch(dataset))
            errors.Add(new("$.import_config.dataset_name", $"may hold letters, digits, '_', '-' and '.' only, at most 120 (got \"{dataset}\")"));

        if (pageSize is < 1 or > MaxPageSize)
            errors.Add(new("$.import_config.records_per_request", $"must be from 1 to {MaxPageSize}, Coupa's page limit (got {pageSize})"));
        if (method != ImportMethod.Insert && idKeys.Count == 0)
            errors.Add(new("$.import_config.id_keys", $"must name at least one attribute for method {method.ToString().ToLowerInvariant()}"));
        if (method == ImportMethod.Replace && query.Filters.Values.Any(v => v.Contains(ImportCatalogEntry.LastModifiedPlaceholder, StringComparison.Ordinal)))
            errors.Add(new("$.import_config.method", "'replace' with an incremental ${last_modified_date} filter would replace the dataset with only the changed records; use 'update' or drop the filter"));
        if (maxRunTime is < 1)
            errors.Add(new("$.job_run_settings.max_run_time_s", $"must be a positive number of seconds (Rossum allows 60 to 36000; got {maxRunTime})"));

        if (errors.Count > 0) throw new SettingsValidationException(errors);

        var scopes = scope!.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var connection = new CoupaConnection(baseUrl!, credentials.ClientId!.Trim(), clientSecret!, scopes);
        return new ImportPlan(entry?.Type ?? dataset!, connection, endpoint!.Trim().TrimStart('/'), query, method, idKeys, dataset!, pageSize,
            maxRunTime is { } s ? TimeSpan.FromSeconds(s) : null);
    }

    [GeneratedRegex(@"^api/[a-z0-9_\-/]+$", RegexOptions.IgnoreCase)]
    private static partial Regex EndpointPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{1,120}$")]
    private static partial Regex DatasetPattern();
}
