using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary>
/// <c>POST /data/replace_one</c>, synchronous. Where <c>upsert</c> goes is not documented: it is sent as
/// <c>options.upsert</c>, like pymongo's keyword arguments (inferred).
/// </summary>
public sealed record ReplaceOneRequest(string CollectionName, JsonObject Filter, JsonNode Replacement, JsonObject? Options = null);
