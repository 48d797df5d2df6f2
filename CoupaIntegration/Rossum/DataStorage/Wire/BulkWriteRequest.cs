using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary><c>POST /data/bulk_write</c>: asynchronous (202 + operation id); queued operations run on after the client stops.</summary>
public sealed record BulkWriteRequest(string CollectionName, IReadOnlyList<BulkWriteOperation> Operations, JsonObject? Options = null);
