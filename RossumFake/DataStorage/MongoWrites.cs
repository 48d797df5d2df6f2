using System.Text.Json.Nodes;

namespace RossumFake.DataStorage;

/// <summary>Single-document writes with Mongo's rules on <c>_id</c>: assigned when absent, unique, immutable.</summary>
public static class MongoWrites
{
    public static JsonNode InsertOne(List<JsonObject> collection, JsonObject document)
    {
        var id = document["_id"]?.DeepClone() ?? ObjectIds.Next();
        if (collection.Exists(d => JsonValues.AreEqual(d["_id"], id)))
            throw new FakeApiException(400, $"E11000 duplicate key error: _id {id.ToJsonString()}");
        collection.Add(WithIdFirst(id, document));
        return id.DeepClone();
    }

    /// <summary>Returns (matched, modified, upserted id).</summary>
    public static (int Matched, int Modified, JsonNode? UpsertedId) ReplaceOne(List<JsonObject> collection, JsonObject filter, JsonObject replacement, bool upsert)
    {
        if (replacement.Any(p => p.Key.StartsWith('$')))
            throw new FakeApiException(400, "replacement document must not contain update operators");
        var index = collection.FindIndex(d => MongoFilter.Matches(d, filter));
        if (index < 0)
        {
            if (!upsert) return (0, 0, null);
            var document = (JsonObject)replacement.DeepClone();
            // As Mongo does: an _id in the filter's equality becomes the new document's.
            if (!document.ContainsKey("_id") && filter["_id"] is JsonValue filterId) document["_id"] = filterId.DeepClone();
            return (0, 0, InsertOne(collection, document));
        }
        var existing = collection[index];
        var next = (JsonObject)replacement.DeepClone();
        if (next.TryGetPropertyValue("_id", out var newId) && !JsonValues.AreEqual(newId, existing["_id"]))
            throw new FakeApiException(400, "the (immutable) field '_id' was found to have been altered");
        var withId = WithIdFirst(existing["_id"]!.DeepClone(), next);
        var modified = JsonNode.DeepEquals(existing, withId) ? 0 : 1;
        collection[index] = withId;
        return (1, modified, null);
    }

    /// <summary>Mongo keeps <c>_id</c> as a document's first field.</summary>
    private static JsonObject WithIdFirst(JsonNode id, JsonObject document)
    {
        var result = new JsonObject { ["_id"] = id };
        foreach (var (name, value) in document)
            if (name != "_id") result[name] = value?.DeepClone();
        return result;
    }

    public static int Delete(List<JsonObject> collection, JsonObject filter, bool many)
    {
        if (!many)
        {
            var index = collection.FindIndex(d => MongoFilter.Matches(d, filter));
            if (index < 0) return 0;
            collection.RemoveAt(index);
            return 1;
        }
        return collection.RemoveAll(d => MongoFilter.Matches(d, filter));
    }
}
