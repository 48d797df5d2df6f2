namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary>Mongo's renameCollection: with <see cref="DropTarget"/> an existing target is replaced in one step.</summary>
public sealed record RenameCollectionRequest(string CollectionName, string Target, bool DropTarget);
