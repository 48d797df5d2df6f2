using CoupaSandbox.Data;

namespace CoupaSandbox.Query;

/// <summary>Finds the ids of one page. Ordered by id it seeks: id bounds narrow the range and the walk stops after
/// offset + limit matches, so a keyed page deep inside a million records costs a handful of records. Any other order
/// collects the filtered set and sorts it; rows that tie on the sort key are shuffled per request, as in real Coupa,
/// which is exactly why offset paging over a non-unique key duplicates and drops rows.</summary>
internal static class QueryExecutor
{
    public static List<long> Run(ResourceStore store, CollectionQuery query, ulong requestSalt)
    {
        var (lo, hi, residual) = IdRange(query.Filters, store.MaxId);
        var filter = new RecordFilter(residual);
        if (lo > hi)
            return [];
        return query.OrderBy == "id" ? Seek(store, query, filter, lo, hi) : SortAndPage(store, query, filter, lo, hi, requestSalt);
    }

    /// <summary>Folds id comparisons into [lo, hi]; other conditions (and id[in] etc.) stay for per-record checks.</summary>
    private static (long Lo, long Hi, List<FilterCondition> Residual) IdRange(IEnumerable<FilterCondition> filters, long maxId)
    {
        long lo = 1, hi = maxId;
        var residual = new List<FilterCondition>();
        foreach (var c in filters)
        {
            if (c.Field != "id" || c.Path.Count > 0)
            {
                residual.Add(c);
                continue;
            }
            switch (c.Op)
            {
                case FilterOp.Eq: lo = Math.Max(lo, long.Parse(c.Value.Text)); hi = Math.Min(hi, long.Parse(c.Value.Text)); break;
                case FilterOp.Gt: lo = Math.Max(lo, long.Parse(c.Value.Text) + 1); break;
                case FilterOp.GtOrEq: lo = Math.Max(lo, long.Parse(c.Value.Text)); break;
                case FilterOp.Lt: hi = Math.Min(hi, long.Parse(c.Value.Text) - 1); break;
                case FilterOp.LtOrEq: hi = Math.Min(hi, long.Parse(c.Value.Text)); break;
                case FilterOp.In:
                    var ids = c.Items.Select(i => long.Parse(i.Text)).ToList();
                    lo = Math.Max(lo, ids.Min());
                    hi = Math.Min(hi, ids.Max());
                    residual.Add(c);
                    break;
                default: residual.Add(c); break;
            }
        }
        return (lo, hi, residual);
    }

    private static List<long> Seek(ResourceStore store, CollectionQuery query, RecordFilter filter, long lo, long hi)
    {
        var page = new List<long>(query.Limit);
        if (filter.IsEmpty)
        {
            // Ids are dense, so without filters the page is pure arithmetic.
            long skip = Math.Min(query.Offset, hi - lo + 1);
            for (long i = skip; i < skip + query.Limit && i <= hi - lo; i++)
                page.Add(query.Descending ? hi - i : lo + i);
            return page;
        }
        long skipped = 0;
        long step = query.Descending ? -1 : 1;
        for (long id = query.Descending ? hi : lo; id >= lo && id <= hi && page.Count < query.Limit; id += step)
        {
            if (!filter.Matches(store.View(id)))
                continue;
            if (skipped++ < query.Offset)
                continue;
            page.Add(id);
        }
        return page;
    }

    private static List<long> SortAndPage(ResourceStore store, CollectionQuery query, RecordFilter filter, long lo, long hi, ulong salt)
    {
        var field = store.Generator.FindField(query.OrderBy)!;
        var rows = new List<(SortKey Key, ulong TieBreak, long Id)>();
        for (long id = lo; id <= hi; id++)
        {
            var view = store.View(id);
            if (!filter.Matches(view))
                continue;
            var key = query.OrderBy switch
            {
                "created-at" => SortKey.FromInstant(view.CreatedAt),
                "updated-at" => SortKey.FromInstant(view.UpdatedAt),
                _ => SortKey.From(view.Get(query.OrderBy), field.Kind),
            };
            rows.Add((key, Hash.Combine(salt, (ulong)id), id));
        }
        int sign = query.Descending ? -1 : 1;
        rows.Sort((a, b) =>
        {
            int byKey = a.Key.CompareTo(b.Key) * sign;
            return byKey != 0 ? byKey : a.TieBreak.CompareTo(b.TieBreak);
        });
        return [.. rows.Skip((int)Math.Min(query.Offset, int.MaxValue)).Take(query.Limit).Select(r => r.Id)];
    }
}
