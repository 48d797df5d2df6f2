using CoupaSandbox.Data;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Query;

/// <summary>Reads the query string of a GET into a <see cref="CollectionQuery"/>. Control parameters may be spelled with
/// hyphens or underscores; every other key is a filter.</summary>
internal static class QueryParser
{
    public static CollectionQuery Parse(IQueryCollection query, ResourceGenerator generator)
    {
        var result = new CollectionQuery();
        foreach (var (key, values) in query)
        {
            string last = values.Count > 0 ? values[^1] ?? "" : "";
            switch (Names.Underscore(key))
            {
                case "limit":
                    result.Limit = int.TryParse(last, out int limit) && limit > 0 ? Math.Min(limit, CollectionQuery.MaxLimit) : CollectionQuery.MaxLimit;
                    break;
                case "offset":
                    result.Offset = long.TryParse(last, out long offset) && offset > 0 ? offset : 0;
                    break;
                case "order_by":
                    result.OrderBy = OrderBy(last, generator);
                    break;
                case "dir":
                    result.Descending = last.Trim().Equals("desc", StringComparison.OrdinalIgnoreCase);
                    break;
                case "fields":
                    result.Fields = string.IsNullOrWhiteSpace(last) ? null : FieldSelection.Parse(last);
                    break;
                case "return_object":
                    result.Mode = last.Trim().ToLowerInvariant() switch { "limited" => ReturnMode.Limited, "shallow" => ReturnMode.Shallow, _ => ReturnMode.Full };
                    break;
                case "filter":
                    break; // named API filters are admin-defined views of the data; the sandbox has none, so they change nothing
                default:
                    foreach (var value in values)
                        result.Filters.Add(FilterParser.Parse(key, value ?? "", generator));
                    break;
            }
        }
        return result;
    }

    /// <summary>Parses only the shape parameters, for GET /api/resource/{id}.</summary>
    public static CollectionQuery ParseShape(IQueryCollection query)
    {
        var result = new CollectionQuery();
        foreach (var (key, values) in query)
        {
            string last = values.Count > 0 ? values[^1] ?? "" : "";
            if (Names.Underscore(key) == "fields")
                result.Fields = string.IsNullOrWhiteSpace(last) ? null : FieldSelection.Parse(last);
            else if (Names.Underscore(key) == "return_object")
                result.Mode = last.Trim().ToLowerInvariant() switch { "limited" => ReturnMode.Limited, "shallow" => ReturnMode.Shallow, _ => ReturnMode.Full };
        }
        return result;
    }

    private static string OrderBy(string value, ResourceGenerator generator)
    {
        string name = Names.Hyphenate(value);
        if (name.Length == 0)
            return "id";
        var field = generator.FindField(name) ?? throw new QueryException($"Unknown attribute '{value}' in order_by for {generator.Name}");
        return field.IsAssociation ? throw new QueryException($"Cannot order {generator.Name} by the association '{value}'") : name;
    }
}
