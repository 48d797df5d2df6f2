using System.Text.Json.Nodes;

namespace CoupaIntegration.Imports;

/// <summary>
/// One import type as data: where it lives in Coupa, the scope that unlocks it, what to ask for and how records
/// are identified. Paging, slicing, cursors and batching are the engine's, written once for all entries.
/// </summary>
public sealed record ImportCatalogEntry(
    string Type,
    string Endpoint,
    string Scope,
    string DefaultFields,
    IReadOnlyList<string> IdKeys,
    ImportMethod Method,
    string DatasetName,
    string? IncrementalFilter,
    string DocsUrl)
{
    public const string LastModifiedPlaceholder = "${last_modified_date}";

    /// <summary>The default query: the fields, ordered by id, and the incremental filter where the type has one.</summary>
    public ImportQuery DefaultQuery()
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (IncrementalFilter is not null) filters[IncrementalFilter] = LastModifiedPlaceholder;
        return new ImportQuery(JsonNode.Parse(DefaultFields)!.AsArray(), "id", null, filters);
    }
}
