using System.Text.Json.Nodes;

namespace CoupaIntegration.Imports;

/// <summary>
/// Coupa's <c>fields</c> parameter: a JSON array of names and one-key objects selecting nested associations,
/// e.g. <c>["id",{"supplier":["id","name"]},{"custom_fields":{}}]</c>. Names may use hyphens or underscores.
/// </summary>
public static class FieldsSpec
{
    public static void Validate(JsonArray fields, string path, List<SettingsError> errors)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            var at = $"{path}[{i}]";
            switch (fields[i])
            {
                case JsonValue value when value.TryGetValue<string>(out var name) && name.Length > 0:
                    break;
                case JsonObject obj when obj.Count == 1:
                    var (key, nested) = obj.First();
                    if (nested is JsonArray list) Validate(list, $"{at}.{key}", errors);
                    else if (nested is not JsonObject { Count: 0 })
                        errors.Add(new SettingsError($"{at}.{key}", "must be a list of nested field names, or {} for all custom fields"));
                    break;
                default:
                    errors.Add(new SettingsError(at, "must be a field name or an object with exactly one key, such as {\"supplier\":[\"id\",\"name\"]}"));
                    break;
            }
        }
    }

    /// <summary>Whether a top-level field (hyphen or underscore spelling) is selected.</summary>
    public static bool Selects(JsonArray fields, string name) =>
        fields.Any(f => f is JsonValue v && v.TryGetValue<string>(out var s) && Normalize(s) == Normalize(name));

    /// <summary>The fields with the given top-level names added where missing (keyset paging needs the id).</summary>
    public static JsonArray Including(JsonArray fields, IEnumerable<string> names)
    {
        var copy = fields.DeepClone().AsArray();
        foreach (var name in names.Where(n => !Selects(copy, n)))
            copy.Insert(0, name);
        return copy;
    }

    public static string Normalize(string name) => name.Replace('_', '-');
}
