using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

public sealed record CreateCollectionRequest(string CollectionName, JsonObject? Options = null);
