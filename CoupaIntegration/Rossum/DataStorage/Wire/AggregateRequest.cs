using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary><c>POST /data/aggregate</c>, synchronous (120 s limit); used here only to count.</summary>
public sealed record AggregateRequest(string CollectionName, IReadOnlyList<JsonObject> Pipeline);
