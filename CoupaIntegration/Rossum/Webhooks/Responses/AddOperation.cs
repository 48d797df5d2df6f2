using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>
/// Appends to the multivalue <see cref="HookOperation.Id"/>: a table row is a list of its cells' datapoints,
/// a simple multivalue's item a single datapoint object. Built by <see cref="HookResponse.AddRow"/> and
/// <see cref="HookResponse.AddItem"/>.
/// </summary>
public sealed record AddOperation(long Id, JsonNode Value) : HookOperation(Id);
