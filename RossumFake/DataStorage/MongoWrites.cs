using System.Text.Json.Nodes;

namespace RossumFake.DataStorage;

/// <summary>Single-document writes with Mongo's rules on <c>_id</c>: assigned when absent, unique, immutable.</summary>
public static class MongoWrites
{
    public static JsonNode InsertOne(List<JsonObject> collection, JsonObject document)
    {
        var copy = (JsonObject)document.DeepClone();
        if (!copy.TryGetPropertyValue("_id", out var id) || id is null) copy["_id"] = id = ObjectIds.Next();
        if (collection.Exists(d => JsonValues.AreEqual(d["_id"], id)))
            throw new FakeApiException(400, $"E11000 duplicate key error: _id {id.ToJsonString()}");
        collection.Add(copy);
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
        next.Remove("_id");
        var withId = new JsonObject { ["_id"] = existing["_id"]!.DeepClone() };
        foreach (var (name, value) in next.ToList())
        {
            next.Remove(name);
            withId[name] = value;
        }
        var modified = JsonNode.DeepEquals(existing, withId) ? 0 : 1;
        collection[index] = withId;
        return (1, modified, null);
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
