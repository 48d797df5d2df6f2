using System.Text.Json;
using CoupaIntegration.Common;

namespace CoupaIntegration.DataHub;

/// <summary>The identity of a record: its id-key values as a compact JSON array, e.g. <c>[123]</c>.</summary>
public static class RecordKey
{
    public static string Of(JsonElement record, IReadOnlyList<string> idKeys)
    {
        if (idKeys.Count == 0) return Guid.NewGuid().ToString("N");
        var values = new string[idKeys.Count];
        for (var i = 0; i < idKeys.Count; i++)
            values[i] = Find(record, idKeys[i])?.GetRawText()
                ?? throw new IntegrationException(FailureKind.Configuration, $"A Coupa record has no value for id key '{idKeys[i]}'; check import_config.id_keys and query.fields.");
        return "[" + string.Join(',', values) + "]";
    }

    /// <summary>Coupa answers with hyphenated keys whatever spelling the settings use; dots reach into nested objects.</summary>
    public static JsonElement? Find(JsonElement record, string path)
    {
        var current = record;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object) return null;
            if (!current.TryGetProperty(part.Replace('_', '-'), out var next) && !current.TryGetProperty(part, out next)) return null;
            current = next;
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }
}
