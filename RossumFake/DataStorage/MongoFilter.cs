using System.Text.Json.Nodes;

namespace RossumFake.DataStorage;

/// <summary>
/// The query language the fake understands: equality on (dotted) fields, <c>$eq</c> and <c>$in</c>, all ANDed.
/// Anything else is refused with 400, so code that relies on more fails here instead of passing untested.
/// </summary>
public static class MongoFilter
{
    public static bool Matches(JsonObject document, JsonObject? filter)
    {
        if (filter is null) return true;
        foreach (var (field, condition) in filter)
        {
            if (field.StartsWith('$')) throw new FakeApiException(400, $"The fake does not support the query operator {field}.");
            var value = JsonValues.At(document, field);
            if (!Satisfies(value, condition)) return false;
        }
        return true;
    }

    private static bool Satisfies(JsonNode? value, JsonNode? condition)
    {
        if (condition is not JsonObject operators || operators.Count == 0 || !operators.First().Key.StartsWith('$'))
            return JsonValues.AreEqual(value, condition);
        foreach (var (name, argument) in operators)
        {
            var ok = name switch
            {
                "$eq" => JsonValues.AreEqual(value, argument),
                "$in" when argument is JsonArray options => options.Any(o => JsonValues.AreEqual(value, o)),
                "$in" => throw new FakeApiException(400, "$in needs an array"),
                _ => throw new FakeApiException(400, $"The fake does not support the query operator {name}."),
            };
            if (!ok) return false;
        }
        return true;
    }
}
