using System.Globalization;
using System.Text.Json;
using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>
/// Typed reads of a payload's top-level fields that record a problem and carry on, so one answer lists every
/// problem. Problems describe the JSON type found, never the value: some of these fields are secrets.
/// </summary>
internal sealed class HookJsonReader(JsonElement root)
{
    public List<HookPayloadError> Errors { get; } = [];

    public void Error(string field, string message) => Errors.Add(new HookPayloadError($"$.{field}", message));

    public string? String(string field, bool required = false)
    {
        if (Get(field, required) is not { } value) return null;
        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        Error(field, $"must be a string (got {Describe(value)})");
        return null;
    }

    public Uri? Url(string field, bool required = false)
    {
        var text = String(field, required);
        if (text is null) return null;
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
            return url;
        Error(field, "must be an absolute http(s) URL");
        return null;
    }

    public DateTimeOffset? Timestamp(string field)
    {
        var text = String(field);
        if (text is null) return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            return at;
        Error(field, "must be an ISO-8601 timestamp such as 2020-01-01T00:00:00.000000Z");
        return null;
    }

    /// <summary>A JSON object, cloned so it outlives the parsed document; an empty object when absent.</summary>
    public JsonElement Object(string field)
    {
        if (Get(field, required: false) is { } value)
        {
            if (value.ValueKind == JsonValueKind.Object) return value.Clone();
            Error(field, $"must be an object (got {Describe(value)})");
        }
        return EmptyObject;
    }

    public Secret? Secret(string field)
    {
        var text = String(field);
        return text is null ? null : new Secret(text);
    }

    /// <summary>A map of string secrets; a null value counts as absent.</summary>
    public IReadOnlyDictionary<string, Secret> Secrets(string field)
    {
        var secrets = new Dictionary<string, Secret>(StringComparer.Ordinal);
        if (Get(field, required: false) is not { } value) return secrets;
        if (value.ValueKind != JsonValueKind.Object)
        {
            Error(field, $"must be an object of strings (got {Describe(value)})");
            return secrets;
        }
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String) secrets[property.Name] = new Secret(property.Value.GetString()!);
            else if (property.Value.ValueKind != JsonValueKind.Null) Error($"{field}.{property.Name}", $"must be a string (got {Describe(property.Value)})");
        }
        return secrets;
    }

    private JsonElement? Get(string field, bool required)
    {
        if (root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null) return value;
        if (required) Error(field, "is required");
        return null;
    }

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "null",
    };

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
