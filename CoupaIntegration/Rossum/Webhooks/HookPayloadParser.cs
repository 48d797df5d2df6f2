using System.Text;
using System.Text.Json;
using CoupaIntegration.Rossum.Webhooks.Annotations;

namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>
/// Reads the raw body of a Rossum hook call into a typed payload chosen by its <c>event</c>. Malformed JSON and
/// wrong types become one <see cref="HookPayloadException"/> (bad request) naming every field by its JSON path.
/// Required: <c>event</c>, <c>action</c>, <c>base_url</c> (nothing can be done without them); the other common
/// attributes are typed when present, since hand-made test calls (<c>/hooks/{id}/test</c>, curl) may omit them.
/// </summary>
public static class HookPayloadParser
{
    /// <summary>Attributes every hook call carries; any other top-level key of an invocation is an invoke body's.</summary>
    public static IReadOnlySet<string> CommonKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "request_id", "timestamp", "hook", "action", "event", "settings", "secrets", "base_url", "rossum_authorization_token",
    };

    public static HookPayload Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));

    public static HookPayload Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            // The position only: JsonException's own text quotes the offending characters, which may be a secret's.
            throw new HookPayloadException([new HookPayloadError("$", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})")]);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new HookPayloadException([new HookPayloadError("$", $"must be a JSON object (got {HookJsonReader.Describe(root)})")]);
            return Read(root, new HookJsonReader(root));
        }
    }

    /// <summary>For endpoints that take only invocations: anything else is a bad request naming <c>$.event</c>.</summary>
    public static InvocationPayload ParseInvocation(ReadOnlyMemory<byte> body) =>
        Parse(body) as InvocationPayload
        ?? throw new HookPayloadException([new HookPayloadError("$.event", $"must be \"{HookEvents.Invocation}\" at this endpoint")]);

    private static HookPayload Read(JsonElement root, HookJsonReader reader)
    {
        var eventName = reader.String("event", required: true);
        var action = reader.String("action", required: true);
        var common = (
            RequestId: reader.String("request_id"),
            Timestamp: reader.Timestamp("timestamp"),
            Hook: reader.Url("hook"),
            BaseUrl: reader.Url("base_url", required: true),
            Settings: reader.Object("settings"),
            Secrets: reader.Secrets("secrets"),
            Token: reader.Secret("rossum_authorization_token"));

        InvocationAction? invocation = null;
        switch (eventName)
        {
            case null:
                break;
            case HookEvents.Invocation:
                invocation = action switch
                {
                    HookEvents.Scheduled or HookEvents.ScheduleDocsSpelling => InvocationAction.Scheduled,
                    HookEvents.Manual => InvocationAction.Manual,
                    null => null,
                    _ => Unknown(reader, "action", $"must be \"{HookEvents.Scheduled}\" or \"{HookEvents.Manual}\" for event \"{HookEvents.Invocation}\" (got \"{Short(action)}\")"),
                };
                break;
            case HookEvents.AnnotationContent:
                var annotation = AnnotationContentReader.ReadAnnotation(root, reader.Errors);
                if (reader.Errors.Count > 0) throw new HookPayloadException(reader.Errors);
                return new AnnotationPayload
                {
                    RequestId = common.RequestId,
                    Timestamp = common.Timestamp,
                    Hook = common.Hook,
                    Event = eventName,
                    Action = action!,
                    Settings = common.Settings,
                    Secrets = common.Secrets,
                    BaseUrl = common.BaseUrl!,
                    RossumAuthorizationToken = common.Token,
                    AnnotationId = annotation.Id,
                    AnnotationUrl = annotation.Url,
                    Status = annotation.Status,
                    Content = annotation.Content,
                    Document = AnnotationContentReader.ReadDocument(root),
                    Raw = WithoutSecrets(root),
                };
            default:
                reader.Error("event", $"must be \"{HookEvents.Invocation}\" or \"{HookEvents.AnnotationContent}\" (got \"{Short(eventName)}\")");
                break;
        }

        if (reader.Errors.Count > 0) throw new HookPayloadException(reader.Errors);
        return new InvocationPayload
        {
            RequestId = common.RequestId,
            Timestamp = common.Timestamp,
            Hook = common.Hook,
            Event = eventName!,
            Action = action!,
            Invocation = invocation!.Value,
            Settings = common.Settings,
            Secrets = common.Secrets,
            BaseUrl = common.BaseUrl!,
            RossumAuthorizationToken = common.Token,
            Extra = root.EnumerateObject()
                .Where(p => !CommonKeys.Contains(p.Name))
                .ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal),
        };
    }

    /// <summary>For annotation endpoints (export, duplicate check): anything else is a bad request naming <c>$.event</c>.</summary>
    public static AnnotationPayload ParseAnnotation(ReadOnlyMemory<byte> body) =>
        Parse(body) as AnnotationPayload
        ?? throw new HookPayloadException([new HookPayloadError("$.event", $"must be \"{HookEvents.AnnotationContent}\" at this endpoint")]);

    /// <summary>The body for templates and printing: without <c>secrets</c> and the token, which stay in their wrappers.</summary>
    private static JsonElement WithoutSecrets(JsonElement root)
    {
        var copy = System.Text.Json.Nodes.JsonNode.Parse(root.GetRawText())!.AsObject();
        copy.Remove("secrets");
        copy.Remove("rossum_authorization_token");
        return JsonSerializer.SerializeToElement(copy);
    }

    private static InvocationAction? Unknown(HookJsonReader reader, string field, string message)
    {
        reader.Error(field, message);
        return null;
    }

    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
