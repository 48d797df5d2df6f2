using System.Security.Cryptography;
using System.Text;
using CoupaIntegration.Coupa;

namespace CoupaIntegration.Imports;

/// <summary>A fully resolved import job: catalog defaults with the caller's settings laid over them, validated.</summary>
public sealed record ImportPlan(
    string Type,
    CoupaConnection Connection,
    string Endpoint,
    ImportQuery Query,
    ImportMethod Method,
    IReadOnlyList<string> IdKeys,
    string DatasetName,
    int PageSize,
    TimeSpan? MaxRunTime)
{
    /// <summary>The hook that asked for the run, as <see cref="Telemetry.HookIds"/> names it (logs and metrics only); null for none.</summary>
    public string? HookId { get; init; }

    /// <summary>
    /// Identifies "the same job" across restarts: an unfinished run is resumed only by a plan with the same
    /// fingerprint, so a changed query or method starts over instead of mixing two shapes of data.
    /// </summary>
    public string Fingerprint()
    {
        var text = string.Join('\n',
            Connection.Instance, CatalogNormalizedEndpoint, Method, string.Join(',', IdKeys), PageSize,
            Query.Fields?.ToJsonString() ?? "", string.Join('&', Query.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private string CatalogNormalizedEndpoint => ImportCatalog.NormalizeEndpoint(Endpoint);
}
