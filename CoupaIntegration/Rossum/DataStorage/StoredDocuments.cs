using System.Text.Json;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>How a stored document relates to the Coupa record it came from.</summary>
public static class StoredDocuments
{
    /// <summary>
    /// Same content, ignoring the <c>_id</c> Data Storage adds. Property order does not matter; values compare as
    /// JSON (<see cref="JsonElement.DeepEquals"/>), so a record Coupa did not change counts as unchanged.
    /// </summary>
    public static bool SameContent(JsonElement stored, JsonElement record)
    {
        if (stored.ValueKind != JsonValueKind.Object || record.ValueKind != JsonValueKind.Object) return JsonElement.DeepEquals(stored, record);
        var count = 0;
        foreach (var property in stored.EnumerateObject())
        {
            if (property.NameEquals("_id")) continue;
            if (!record.TryGetProperty(property.Name, out var value) || !JsonElement.DeepEquals(property.Value, value)) return false;
            count++;
        }
        return count == record.EnumerateObject().Count();
    }
}
