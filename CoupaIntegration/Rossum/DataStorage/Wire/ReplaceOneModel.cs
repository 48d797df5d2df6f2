using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary><c>{"filter":…,"replacement":…,"upsert":true}</c>: replace the matching document, or insert when none matches.</summary>
public sealed record ReplaceOneModel(JsonObject Filter, JsonNode Replacement, bool Upsert);
