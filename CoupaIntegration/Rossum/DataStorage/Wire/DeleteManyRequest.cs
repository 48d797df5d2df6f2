using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary><c>POST /data/delete_many</c>: note <c>filter</c>, not <c>query</c>.</summary>
public sealed record DeleteManyRequest(string CollectionName, JsonObject Filter);
