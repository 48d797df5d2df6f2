using System.Text.Json.Serialization;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

public sealed record DeleteResult([property: JsonPropertyName("deleted_count")] long DeletedCount);
