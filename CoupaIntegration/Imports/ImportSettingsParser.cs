using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoupaIntegration.Imports;

/// <summary>
/// Reads Rossum-compatible import settings, collecting every type error with its JSON path instead of stopping
/// at the first. Unknown keys are ignored, as Rossum's hosted service does, so hooks move over unchanged.
/// </summary>
public static class ImportSettingsParser
{
    private static readonly HashSet<string> QueryKeysSetByTheEngine = ["limit", "offset"];

    public static ImportSettings Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return Parse(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new SettingsValidationException([new SettingsError("$", $"is not valid JSON ({e.Message})")]);
        }
    }

    public static ImportSettings Parse(JsonElement settings, string path = "$")
    {
        var errors = new List<SettingsError>();
        var reader = new Reader(errors);
        if (settings.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
            return Empty;
        if (!reader.IsObject(settings, path))
            throw new SettingsValidationException(errors);

        var credentials = reader.Object(settings, "credentials", path) is { } c
            ? new CredentialsSettings(reader.String(c, "client_id", $"{path}.credentials"), reader.String(c, "base_api_url", $"{path}.credentials"), reader.String(c, "client_scope", $"{path}.credentials"))
            : new CredentialsSettings(null, null, null);

        var configPath = $"{path}.import_config";
        var config = reader.Object(settings, "import_config", path) is { } ic
            ? new ImportConfigSettings(
                ReadQuery(reader, ic, configPath),
                reader.Enum<ImportMethod>(ic, "method", configPath),
                reader.StringList(ic, "id_keys", configPath),
                reader.String(ic, "endpoint", configPath),
                reader.String(ic, "dataset_name", configPath),
                reader.Int(ic, "records_per_request", configPath))
            : new ImportConfigSettings(null, null, null, null, null, null);

        var job = reader.Object(settings, "job_run_settings", path) is { } j
            ? new JobRunSettings(reader.Int(j, "max_run_time_s", $"{path}.job_run_settings"))
            : new JobRunSettings(null);

        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return new ImportSettings(credentials, config, job);
    }

    public static ImportSettings Empty { get; } = new(
        new CredentialsSettings(null, null, null),
        new ImportConfigSettings(null, null, null, null, null, null),
        new JobRunSettings(null));

    private static ImportQuery? ReadQuery(Reader reader, JsonElement config, string configPath)
    {
        var path = $"{configPath}.query";
        if (reader.Object(config, "query", configPath) is not { } query) return null;

        JsonArray? fields = null;
        string? orderBy = null, dir = null;
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in query.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            switch (property.Name)
            {
                case "fields":
                    if (property.Value.ValueKind == JsonValueKind.Array) fields = JsonNode.Parse(property.Value.GetRawText())!.AsArray();
                    else reader.Error(at, "must be a JSON array of field names and one-key objects such as {\"supplier\":[\"id\",\"name\"]}");
                    if (fields is not null) FieldsSpec.Validate(fields, at, reader.Errors);
                    break;
                case "order_by":
                    orderBy = reader.Scalar(property.Value, at);
                    break;
                case "dir":
                    dir = reader.Scalar(property.Value, at)?.ToLowerInvariant();
                    if (dir is not null and not "asc" and not "desc") reader.Error(at, $"must be \"asc\" or \"desc\" (got \"{dir}\")");
                    break;
                case var key when QueryKeysSetByTheEngine.Contains(key):
                    reader.Error(at, "is set by the importer while paging; remove it from the query");
                    break;
                default:
                    if (reader.Scalar(property.Value, at) is { } value) filters[property.Name] = value;
                    break;
            }
        }
        return new ImportQuery(fields, orderBy, dir, filters);
    }

    /// <summary>Small typed readers that record an error and return null instead of throwing.</summary>
    private sealed class Reader(List<SettingsError> errors)
    {
        public List<SettingsError> Errors => errors;

        public void Error(string path, string message) => errors.Add(new SettingsError(path, message));

        public bool IsObject(JsonElement element, string path)
        {
            if (element.ValueKind == JsonValueKind.Object) return true;
            Error(path, $"must be a JSON object (got {Describe(element)})");
            return false;
        }

        public JsonElement? Object(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            return IsObject(value, $"{path}.{name}") ? value : null;
        }

        public string? String(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.String) return value.GetString();
            Error($"{path}.{name}", $"must be a string (got {Describe(value)})");
            return null;
        }

        /// <summary>Filter values: strings, or numbers and booleans written without quotes.</summary>
        public string? Scalar(JsonElement value, string path) => value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Null => null,
            _ => Fail(path, $"must be a string, number or boolean (got {Describe(value)})"),
        };

        public int? Int(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)) return number;
            if (value.ValueKind == JsonValueKind.String && int.TryParse(value.GetString(), out number)) return number;
            Error($"{path}.{name}", $"must be a whole number (got {Describe(value)})");
            return null;
        }

        public IReadOnlyList<string>? StringList(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
                return value.EnumerateArray().Select(v => v.GetString()!).ToList();
            Error($"{path}.{name}", $"must be a list of strings such as [\"id\"] (got {Describe(value)})");
            return null;
        }

        public T? Enum<T>(JsonElement parent, string name, string path) where T : struct, System.Enum
        {
            var text = String(parent, name, path);
            if (text is null) return null;
            if (System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && !int.TryParse(text, out _)) return parsed;
            Error($"{path}.{name}", $"must be one of {string.Join(", ", System.Enum.GetNames<T>().Select(n => $"\"{n.ToLowerInvariant()}\""))} (got \"{text}\")");
            return null;
        }

        private string? Fail(string path, string message)
        {
            Error(path, message);
            return null;
        }

        private static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.String => $"the string \"{Truncate(value.GetString()!)}\"",
            JsonValueKind.Number => $"the number {value.GetRawText()}",
            JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
            JsonValueKind.Array => "a list",
            JsonValueKind.Object => "an object",
            _ => value.ValueKind.ToString().ToLowerInvariant(),
        };

        private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
    }
}
