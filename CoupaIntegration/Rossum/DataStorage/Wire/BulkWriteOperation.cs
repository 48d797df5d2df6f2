namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary>
/// One bulk operation, Mongo-style: exactly one property is set, e.g. <c>{"replaceOne":{…}}</c>. The API also
/// takes insertOne, updateOne/updateMany and deleteOne/deleteMany; only what this product sends is modelled.
/// </summary>
public sealed record BulkWriteOperation(ReplaceOneModel? ReplaceOne = null);
