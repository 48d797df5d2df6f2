namespace CoupaIntegration.Imports;

/// <summary>Every import type this product knows, looked up by type name (hyphens or underscores) or by endpoint.</summary>
public sealed class ImportCatalog(IEnumerable<ImportCatalogEntry> entries)
{
    public static ImportCatalog Default { get; } = new(CatalogEntries.All);

    public IReadOnlyList<ImportCatalogEntry> Entries { get; } = entries.ToList();

    public ImportCatalogEntry? Find(string type)
    {
        var wanted = Normalize(type);
        return Entries.FirstOrDefault(e => Normalize(e.Type) == wanted);
    }

    /// <summary>The first entry serving an endpoint (suppliers before remit-to addresses), for the generic hook URL.</summary>
    public ImportCatalogEntry? FindByEndpoint(string endpoint)
    {
        var wanted = NormalizeEndpoint(endpoint);
        return Entries.FirstOrDefault(e => NormalizeEndpoint(e.Endpoint) == wanted);
    }

    public ImportCatalogEntry Get(string type) => Find(type) ?? throw new Common.IntegrationException(Common.FailureKind.BadRequest,
        $"Unknown import type '{type}'. Known types: {string.Join(", ", Entries.Select(e => e.Type))}.");

    public static string NormalizeEndpoint(string endpoint) => endpoint.Trim().Trim('/').Replace('-', '_').ToLowerInvariant();

    private static string Normalize(string type) => type.Trim().Replace('-', '_').ToLowerInvariant();
}
