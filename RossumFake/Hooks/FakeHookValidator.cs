using System.Text.Json;
using System.Text.Json.Nodes;

namespace RossumFake.Hooks;

/// <summary>
/// Checks hook fields as the Rossum API would, answering Django REST framework's 400 shape
/// (<c>{"field": ["message"]}</c>). Ranges are Rossum's documented ones (token_lifetime_s 0–7200, timeout_s 0–60,
/// retry_count 0–4, max_polling_time_s 1–3600); the event list is the documented one.
/// </summary>
public static class FakeHookValidator
{
    public static readonly HashSet<string> KnownEvents = new(StringComparer.Ordinal)
    {
        "invocation.scheduled", "invocation.manual",
        "annotation_content.initialize", "annotation_content.started", "annotation_content.updated", "annotation_content.user_update",
        "annotation_content.confirm", "annotation_content.export",
        "annotation_status.changed", "upload.created", "email.received",
    };

    /// <param name="partial">PATCH: only the fields present are checked.</param>
    public static JsonObject? Problems(JsonObject fields, bool partial, string organisation, FakeHooks hooks)
    {
        var problems = new JsonObject();
        void Add(string field, string message) => problems[field] = new JsonArray(message);

        if (!partial || fields.ContainsKey("name"))
            if (fields["name"] is not JsonValue name || !name.TryGetValue<string>(out var n) || n.Trim().Length == 0) Add("name", "This field is required.");
        if (fields["type"] is JsonValue type && type.ToString() is not ("webhook" or "function")) Add("type", $"\"{type}\" is not a valid choice.");
        if (!partial || fields.ContainsKey("events"))
        {
            if (fields["events"] is not JsonArray events || events.Count == 0) Add("events", "This list may not be empty.");
            else if (events.Select(e => e?.ToString() ?? "").FirstOrDefault(e => !KnownEvents.Contains(e)) is { } unknown) Add("events", $"\"{unknown}\" is not a valid choice.");
        }
        if (!partial || fields.ContainsKey("config"))
        {
            if (fields["config"] is not JsonObject config) Add("config", "This field is required.");
            else
            {
                if (config["url"] is not JsonValue url || !Uri.TryCreate(url.ToString(), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
                    Add("config", "url: Enter a valid URL.");
                if (config["schedule"]?["cron"] is JsonValue cron && cron.ToString() is { Length: > 0 } c && c.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
                    Add("config", "schedule.cron: Invalid cron expression.");
                Range(config, "timeout_s", 0, 60, m => Add("config", m));
                Range(config, "retry_count", 0, 4, m => Add("config", m));
                Range(config, "max_polling_time_s", 1, 3600, m => Add("config", m));
            }
        }
        Range(fields, "token_lifetime_s", 0, 7200, m => Add("token_lifetime_s", m[(m.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
        if (fields["queues"] is JsonArray queues)
            foreach (var queue in queues.Select(q => q?.ToString() ?? ""))
                if (!long.TryParse(queue.TrimEnd('/').Split('/')[^1], out var id) || !hooks.QueueExists(id, organisation))
                    Add("queues", $"Invalid hyperlink - Object does not exist: {queue}.");
        if (fields["token_owner"] is JsonValue owner && owner.GetValueKind() == JsonValueKind.String
            && owner.ToString().TrimEnd('/').Split('/')[^1] != hooks.UserId(organisation).ToString(System.Globalization.CultureInfo.InvariantCulture))
            Add("token_owner", "Invalid hyperlink - Object does not exist.");
        foreach (var field in new[] { "settings", "metadata", "secrets" })
            if (fields.ContainsKey(field) && fields[field] is not (null or JsonObject)) Add(field, "Expected a dictionary of items.");
        return problems.Count == 0 ? null : problems;
    }

    /// <summary>Secrets against the hook's secrets_schema: with <c>additionalProperties: false</c> only its properties, strings.</summary>
    public static JsonObject? SecretProblems(JsonObject? secrets, JsonObject? schema)
    {
        if (secrets is null || schema is null) return null;
        var properties = schema["properties"] as JsonObject;
        var closed = schema["additionalProperties"] is JsonValue a && a.GetValueKind() == JsonValueKind.False;
        foreach (var (key, value) in secrets)
        {
            if (closed && properties?.ContainsKey(key) is not true) return new JsonObject { ["secrets"] = new JsonArray($"Additional properties are not allowed ('{key}' was unexpected)") };
            if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String) return new JsonObject { ["secrets"] = new JsonArray($"{key}: must be a string") };
        }
        return null;
    }

    private static void Range(JsonObject parent, string key, int min, int max, Action<string> add)
    {
        if (parent[key] is not JsonValue value || value.GetValueKind() == JsonValueKind.Null) return;
        if (!value.TryGetValue<int>(out var n) || n < min || n > max) add($"{key}: Ensure this value is between {min} and {max}.");
    }
}
