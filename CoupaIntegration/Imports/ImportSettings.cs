using System.Text.Json.Nodes;

namespace CoupaIntegration.Imports;

/// <summary>
/// The hook <c>settings</c> of Rossum's hosted Coupa import service, as given (every part optional: what is
/// missing comes from the catalog entry). Wire names are snake_case as in Rossum's hooks.
/// </summary>
public sealed record ImportSettings(
    CredentialsSettings Credentials,
    ImportConfigSettings ImportConfig,
    JobRunSettings JobRunSettings);

/// <summary><c>credentials</c>: the Coupa OAuth client. The secret never lives here (hook secrets or Key Vault).</summary>
public sealed record CredentialsSettings(string? ClientId, string? BaseApiUrl, string? ClientScope);

/// <summary><c>import_config</c>.</summary>
public sealed record ImportConfigSettings(
    ImportQuery? Query,
    ImportMethod? Method,
    IReadOnlyList<string>? IdKeys,
    string? Endpoint,
    string? DatasetName,
    int? RecordsPerRequest);

/// <summary>
/// <c>import_config.query</c>: Coupa query parameters. <c>fields</c> is kept as JSON (nested objects select
/// associations); every other key but <c>order_by</c>/<c>dir</c> is a Coupa filter passed through as is.
/// </summary>
public sealed record ImportQuery(JsonArray? Fields, string? OrderBy, string? Dir, IReadOnlyDictionary<string, string> Filters);

/// <summary><c>job_run_settings</c>.</summary>
public sealed record JobRunSettings(int? MaxRunTimeSeconds);

public enum ImportMethod
{
    /// <summary>Upsert by <c>id_keys</c>.</summary>
    Update,
    /// <summary>Append; a record whose id keys are already present is left as it is.</summary>
    Insert,
    /// <summary>Full refresh: build the dataset aside, then swap it in.</summary>
    Replace,
}
