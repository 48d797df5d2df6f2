namespace CoupaSandbox.Query;

/// <summary>A parsed GET: paging, ordering, shape and filters.</summary>
internal sealed class CollectionQuery
{
    /// <summary>Coupa's hard page cap (coupa.md §3); larger limits are silently reduced.</summary>
    public const int MaxLimit = 50;

    public int Limit { get; set; } = MaxLimit;

    public long Offset { get; set; }

    public string OrderBy { get; set; } = "id";

    public bool Descending { get; set; }

    public FieldSelection? Fields { get; set; }

    public ReturnMode Mode { get; set; }

    public List<FilterCondition> Filters { get; } = [];
}
