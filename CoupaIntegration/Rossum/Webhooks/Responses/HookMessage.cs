using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>A message shown in Rossum's UI; <see cref="Id"/> is a datapoint id, or null for the whole document.</summary>
public sealed record HookMessage(long? Id, HookMessageType Type, string Content, JsonObject? Detail = null);
