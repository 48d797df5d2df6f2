using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>
/// What a hook answers: <c>{"messages":[…],"operations":[…]}</c>, both always present (Rossum expects them on
/// every annotation event), plus <c>automation_blockers</c> only when some were added.
/// </summary>
public sealed class HookResponse
{
    /// <summary>Rossum's wire shape: snake_case names, lower-case enum values, absent rather than null optionals.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public List<HookMessage> Messages { get; } = [];

    public List<HookOperation> Operations { get; } = [];

    /// <summary>Null until one is added, so the key appears only on responses that block automation.</summary>
    public List<AutomationBlocker>? AutomationBlockers { get; private set; }

    [JsonIgnore]
    public bool HasErrors => Messages.Exists(m => m.Type == HookMessageType.Error);

    public HookResponse Error(string content, long? datapointId = null, JsonObject? detail = null) => Message(new(datapointId, HookMessageType.Error, content, detail));

    public HookResponse Warning(string content, long? datapointId = null, JsonObject? detail = null) => Message(new(datapointId, HookMessageType.Warning, content, detail));

    public HookResponse Info(string content, long? datapointId = null, JsonObject? detail = null) => Message(new(datapointId, HookMessageType.Info, content, detail));

    public HookResponse Message(HookMessage message)
    {
        Messages.Add(message);
        return this;
    }

    public HookResponse Replace(long datapointId, DatapointUpdate value) => Operation(new ReplaceOperation(datapointId, value));

    /// <summary>The common case: set a datapoint's value (and its normalized form when it has one).</summary>
    public HookResponse ReplaceValue(long datapointId, string value, string? normalizedValue = null) =>
        Replace(datapointId, new DatapointUpdate(new DatapointContent(value, normalizedValue)));

    /// <summary>Appends a table row to the multivalue <paramref name="multivalueId"/>.</summary>
    public HookResponse AddRow(long multivalueId, params IReadOnlyList<NewDatapoint> cells) =>
        Operation(new AddOperation(multivalueId, JsonSerializer.SerializeToNode(cells, JsonOptions)!));

    /// <summary>Appends one item to a simple (non-table) multivalue.</summary>
    public HookResponse AddItem(long multivalueId, NewDatapoint item) =>
        Operation(new AddOperation(multivalueId, JsonSerializer.SerializeToNode(item, JsonOptions)!));

    public HookResponse Remove(long datapointId) => Operation(new RemoveOperation(datapointId));

    public HookResponse Operation(HookOperation operation)
    {
        Operations.Add(operation);
        return this;
    }

    public HookResponse BlockAutomation(string content, long? datapointId = null)
    {
        (AutomationBlockers ??= []).Add(new AutomationBlocker(datapointId, content));
        return this;
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
