using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Coupa;

namespace CoupaIntegration.Imports;

/// <summary>
/// Reads one import's records from Coupa in keyed pages: <c>id[gt]=cursor&amp;id[lt_or_eq]=ceiling&amp;order_by=id&amp;dir=asc</c>
/// plus the job's own filters. Keyed on the unique id, a page can neither skip nor repeat a record, whatever
/// the settings' <c>order_by</c>/<c>dir</c> say (they are accepted for compatibility; order does not matter
/// to a keyed store) and whatever changes in Coupa meanwhile.
/// </summary>
public sealed class CoupaPageReader
{
    private const string IdAfter = "id[gt]";
    private const string IdThrough = "id[lt_or_eq]";
    private readonly ICoupaApi _api;
    private readonly ImportPlan _plan;
    private readonly Dictionary<string, string> _baseQuery;

    public CoupaPageReader(ICoupaApi api, ImportPlan plan, DateTimeOffset modifiedSince)
    {
        _api = api;
        _plan = plan;
        var since = FormatTimestamp(modifiedSince);
        _baseQuery = plan.Query.Filters.ToDictionary(
            f => f.Key,
            f => f.Value.Replace(ImportCatalogEntry.LastModifiedPlaceholder, since, StringComparison.Ordinal),
            StringComparer.Ordinal);
        if (plan.Query.Fields is { } fields)
            _baseQuery["fields"] = FieldsSpec.Including(fields, ["id", .. plan.IdKeys]).ToJsonString();
    }

    public IReadOnlyDictionary<string, string> Filters => _baseQuery;

    /// <summary>ISO-8601 UTC to the second, the form Coupa filters accept and Rossum's service documents.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The lowest and highest id matching the job's filters, or null when nothing matches.</summary>
    public async Task<(long Min, long Max)?> ProbeIdRangeAsync(CancellationToken cancellationToken)
    {
        var highest = await FetchAsync(Probe("desc"), cancellationToken);
        if (highest.Count == 0) return null;
        var lowest = await FetchAsync(Probe("asc"), cancellationToken);
        return (IdOf(lowest[0]), IdOf(highest[0]));
    }

    /// <summary>The next page of ids in (after, through], checked to be ascending and inside the range.</summary>
    public async Task<IReadOnlyList<JsonElement>> ReadPageAsync(long after, long through, CancellationToken cancellationToken)
    {
        var query = new Dictionary<string, string>(_baseQuery, StringComparer.Ordinal)
        {
            [IdAfter] = after.ToString(CultureInfo.InvariantCulture),
            [IdThrough] = through.ToString(CultureInfo.InvariantCulture),
            ["order_by"] = "id",
            ["dir"] = "asc",
            ["limit"] = _plan.PageSize.ToString(CultureInfo.InvariantCulture),
        };
        var page = await FetchAsync(query, cancellationToken);
        var previous = after;
        foreach (var record in page)
        {
            var id = IdOf(record);
            // Guards the no-loss promise: an endpoint that ignored the id filter or order would break it silently.
            if (id <= previous || id > through)
                throw new IntegrationException(FailureKind.Fatal,
                    $"Coupa {_plan.Endpoint} ignored keyed paging (id {id} outside ({previous}, {through}] or out of order); this endpoint cannot be imported safely.");
            previous = id;
        }
        return page;
    }

    public static long IdOf(JsonElement record) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty("id", out var id) && id.TryGetInt64(out var value)
            ? value
            : throw new IntegrationException(FailureKind.Fatal, "A Coupa record came back without a numeric \"id\".");

    private Dictionary<string, string> Probe(string dir) => new(_baseQuery, StringComparer.Ordinal)
    {
        ["fields"] = new JsonArray("id").ToJsonString(),
        ["order_by"] = "id",
        ["dir"] = dir,
        ["limit"] = "1",
    };

    private async Task<IReadOnlyList<JsonElement>> FetchAsync(Dictionary<string, string> query, CancellationToken cancellationToken)
    {
        using var response = await _api.QueryAsync(_plan.Endpoint, query, _plan.Connection, cancellationToken);
        if (!response.IsSuccessful)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw CoupaErrors.From(response, _plan.Connection, _plan.Endpoint);
        }
        var body = response.Content;
        if (body.ValueKind != JsonValueKind.Array)
            throw new IntegrationException(FailureKind.Fatal, $"Coupa {_plan.Endpoint} answered with {body.ValueKind} instead of a JSON list of records.");
        return body.EnumerateArray().ToList();
    }
}
