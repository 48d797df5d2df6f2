using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

public sealed record InsertManyResult([property: JsonPropertyName("inserted_ids")] IReadOnlyList<JsonElement>? InsertedIds);
