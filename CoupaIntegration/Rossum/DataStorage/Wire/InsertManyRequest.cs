using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary>
/// Synchronous. Unordered: every document that can be inserted is, and one duplicate <c>_id</c> still fails the
/// whole call with 400 "batch op errors occurred" and no per-document detail.
/// </summary>
public sealed record InsertManyRequest(string CollectionName, IReadOnlyList<JsonNode> Documents, bool Ordered = false);
