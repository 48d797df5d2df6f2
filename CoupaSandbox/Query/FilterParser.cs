using CoupaSandbox.Data;

namespace CoupaSandbox.Query;

/// <summary>Turns a query key like <c>supplier[name][contains]</c> (hyphens or underscores) and its value into a
/// <see cref="FilterCondition"/>, rejecting what Coupa rejects.</summary>
internal static class FilterParser
{
    public static FilterCondition Parse(string key, string value, ResourceGenerator generator)
    {
        var (baseName, segments) = SplitKey(key);
        var op = FilterOp.Eq;
        if (segments.Count > 0 && FilterOps.TryParse(segments[^1], out var parsed))
        {
            op = parsed;
            segments.RemoveAt(segments.Count - 1);
        }
        var path = segments.Select(Names.Hyphenate).ToList();
        string name = Names.Hyphenate(baseName);
        var field = generator.FindField(name);
        if (field is null && name.EndsWith("-id", StringComparison.Ordinal) && generator.FindField(name[..^3]) is { IsAssociation: true } owner)
        {
            // supplier_id=4 is the flat spelling of supplier[id]=4.
            field = owner;
            path.Insert(0, "id");
        }
        if (field is null)
            throw new QueryException($"Unknown attribute '{baseName}' for {generator.Name}");
        if (field.IsAssociation && path.Count == 0)
        {
            // Reported Coupa behaviour: parent[blank] is a 400; parent[id][blank] works.
            if (op == FilterOp.Blank)
                throw new QueryException($"Unsupported filter '{key}': [blank] cannot be applied to the association '{field.Name}'; filter on one of its attributes, e.g. {field.Name}[id][blank]=true");
            path.Add("id");
        }
        return Validate(new FilterCondition(key, field.Name, path, op, path.Count == 0 ? field.Kind : null,
            Literal.Parse(value), op.IsList() ? [.. value.Split(',').Select(v => Literal.Parse(v.Trim()))] : []));
    }

    private static FilterCondition Validate(FilterCondition c)
    {
        if (c.Op == FilterOp.Blank && c.Value.Bool is null)
            throw new QueryException($"Invalid value '{c.Value.Text}' for '{c.Key}': expected true or false");
        if (c.Path.Count == 0 && c.Field == "id" && c.Op != FilterOp.Blank && !c.Op.IsText())
        {
            foreach (var literal in c.Op.IsList() ? c.Items : [c.Value])
            {
                if (!long.TryParse(literal.Text, out _))
                    throw new QueryException($"Invalid id '{literal.Text}' in '{c.Key}'");
            }
        }
        if (c.Kind == FieldKind.Timestamp)
        {
            if (c.Op.IsText())
                throw new QueryException($"Operator in '{c.Key}' is not supported for date/time attributes");
            if (c.Op != FilterOp.Blank)
            {
                foreach (var literal in c.Op.IsList() ? c.Items : [c.Value])
                {
                    if (literal.Instant is null)
                        throw new QueryException($"Invalid date/time '{literal.Text}' in '{c.Key}' (use ISO 8601 and URL-encode '+' as %2B)");
                }
            }
        }
        return c;
    }

    private static (string Base, List<string> Segments) SplitKey(string key)
    {
        int open = key.IndexOf('[');
        if (open < 0)
            return (key, []);
        var segments = new List<string>();
        string rest = key[open..];
        while (rest.Length > 0)
        {
            int close = rest.IndexOf(']');
            if (rest[0] != '[' || close < 0)
                throw new QueryException($"Malformed filter '{key}'");
            segments.Add(rest[1..close]);
            rest = rest[(close + 1)..];
        }
        return (key[..open], segments);
    }
}
