namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary><c>POST /collections/drop</c>: asynchronous (202 + operation id).</summary>
public sealed record DropCollectionRequest(string CollectionName);
