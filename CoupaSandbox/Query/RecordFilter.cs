using System.Text.Json.Nodes;
using CoupaSandbox.Data;

namespace CoupaSandbox.Query;

/// <summary>ANDs the filter conditions of one request. Cheap conditions (id, created-at, updated-at) are checked on typed
/// values before any attribute is generated; the rest build only the attributes they name.</summary>
internal sealed class RecordFilter
{
    private readonly FilterCondition[] _cheap;
    private readonly IGrouping<string, FilterCondition>[] _expensive;

    public RecordFilter(IEnumerable<FilterCondition> conditions)
    {
        var all = conditions.ToList();
        _cheap = [.. all.Where(c => c.IsCheap)];
        _expensive = [.. all.Where(c => !c.IsCheap).GroupBy(c => c.Field)];
    }

    public bool IsEmpty => _cheap.Length == 0 && _expensive.Length == 0;

    public bool Matches(in RecordView view)
    {
        foreach (var c in _cheap)
        {
            if (!MatchesCheap(view, c))
                return false;
        }
        foreach (var group in _expensive)
        {
            var value = view.Get(group.Key); // built once per attribute, shared by its conditions
            foreach (var c in group)
            {
                if (!MatchesPath(value, c, 0))
                    return false;
            }
        }
        return true;
    }

    private static bool MatchesCheap(in RecordView view, FilterCondition c)
    {
        if (c.Op == FilterOp.Blank)
            return c.Value.Bool == false;
        if (c.Field == "id")
        {
            long id = view.Id;
            return c.Op switch
            {
                FilterOp.In => c.Items.Any(i => long.Parse(i.Text) == id),
                FilterOp.NotIn => c.Items.All(i => long.Parse(i.Text) != id),
                FilterOp.Contains or FilterOp.StartsWith or FilterOp.EndsWith => ValueMatcher.Matches(JsonValue.Create(id), c),
                _ => Compare(id.CompareTo(long.Parse(c.Value.Text)), c.Op),
            };
        }
        var instant = c.Field == "created-at" ? view.CreatedAt : view.UpdatedAt;
        return c.Op switch
        {
            FilterOp.In => c.Items.Any(i => instant == i.Instant),
            FilterOp.NotIn => c.Items.All(i => instant != i.Instant),
            _ => Compare(instant.CompareTo(c.Value.Instant!.Value), c.Op),
        };
    }

    private static bool Compare(int sign, FilterOp op) => op switch
    {
        FilterOp.Eq => sign == 0,
        FilterOp.NotEq => sign != 0,
        FilterOp.Gt => sign > 0,
        FilterOp.Lt => sign < 0,
        FilterOp.GtOrEq => sign >= 0,
        FilterOp.LtOrEq => sign <= 0,
        _ => false,
    };

    /// <summary>Walks the nested path; a list matches when any element matches (Coupa joins the association).</summary>
    private static bool MatchesPath(JsonNode? node, FilterCondition c, int depth)
    {
        if (node is JsonArray list)
        {
            if (depth == c.Path.Count && c.Op == FilterOp.Blank)
                return ValueMatcher.IsBlank(list) == c.Value.Bool;
            foreach (var element in list)
            {
                if (MatchesPath(element, c, depth))
                    return true;
            }
            return false;
        }
        if (depth == c.Path.Count)
            return ValueMatcher.Matches(node, c);
        if (node is JsonObject obj)
            return MatchesPath(obj.TryGetPropertyValue(c.Path[depth], out var child) ? child : null, c, depth + 1);
        // A missing association has blank attributes (parent[id][blank]=true selects roots).
        return c.Op == FilterOp.Blank && c.Value.Bool == true;
    }
}
