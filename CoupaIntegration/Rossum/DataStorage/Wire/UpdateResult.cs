using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

public sealed record UpdateResult(
    [property: JsonPropertyName("matched_count")] long MatchedCount,
    [property: JsonPropertyName("modified_count")] long ModifiedCount,
    [property: JsonPropertyName("upserted_id")] JsonElement? UpsertedId);
