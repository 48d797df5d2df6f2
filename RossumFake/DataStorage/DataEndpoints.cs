using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace RossumFake.DataStorage;

/// <summary><c>data/insert_many|bulk_write|find|aggregate|delete_many|replace_one</c> with the semantics clients rely on.</summary>
public static class DataEndpoints
{
    public static void Map(WebApplication app, FakeDataStorage storage)
    {
        DataStorageRoutes.Post(app, storage, "/data/insert_many", InsertMany);
        DataStorageRoutes.Post(app, storage, "/data/find", Find);
        DataStorageRoutes.Post(app, storage, "/data/aggregate", Aggregate);
        DataStorageRoutes.Post(app, storage, "/data/delete_many", call =>
        {
            call.Refuse("query", "filter");
            var (name, filter) = (call.String("collectionName"), call.RequiredObject("filter"));
            var deleted = call.Database.Write(s => MongoWrites.Delete(s.Get(name), filter, many: true));
            return FakeResults.Ok(new JsonObject { ["deleted_count"] = deleted });
        });
        DataStorageRoutes.Post(app, storage, "/data/replace_one", call =>
        {
            var (name, filter, replacement) = (call.String("collectionName"), call.RequiredObject("filter"), call.RequiredObject("replacement"));
            var upsert = call.Object("options")?["upsert"]?.GetValueKind() == JsonValueKind.True;
            var (matched, modified, upserted) = call.Database.Write(s => MongoWrites.ReplaceOne(s.GetOrCreate(name), filter, replacement, upsert));
            return FakeResults.Ok(new JsonObject { ["matched_count"] = matched, ["modified_count"] = modified, ["upserted_id"] = upserted });
        });
        DataStorageRoutes.Post(app, storage, "/data/bulk_write", call => BulkWrite(call, storage.Operations));
    }

    /// <summary>
    /// Unordered by default: every document that can go in does, and any duplicate _id still fails the whole call
    /// with an opaque 400 "batch op errors occurred", as the real service answers.
    /// </summary>
    private static Microsoft.AspNetCore.Http.IResult InsertMany(FakeCall call)
    {
        var (name, documents, ordered) = (call.String("collectionName"), call.Array("documents"), call.Bool("ordered", false));
        if (documents.Any(d => d is not JsonObject)) throw new FakeApiException(422, "documents: every item must be an object");
        var (ids, failed) = call.Database.Write(s =>
        {
            var collection = s.GetOrCreate(name);
            var inserted = new JsonArray();
            var errors = 0;
            foreach (var document in documents.Cast<JsonObject>())
            {
                try { inserted.Add(MongoWrites.InsertOne(collection, document)); }
                catch (FakeApiException) { errors++; if (ordered) break; }
            }
            return (inserted, errors);
        });
        return failed > 0 ? FakeResults.Error(400, "batch op errors occurred") : FakeResults.Ok(new JsonObject { ["inserted_ids"] = ids });
    }

    private static Microsoft.AspNetCore.Http.IResult Find(FakeCall call)
    {
        call.Refuse("filter", "query");
        var (name, query, projection, sort) = (call.String("collectionName"), call.Object("query"), call.Object("projection"), call.Object("sort"));
        var (skip, limit) = (call.Int("skip", 0), call.Int("limit", 0));
        var found = call.Database.Read(s =>
        {
            var matching = MongoSort.Apply(s.Get(name).Where(d => MongoFilter.Matches(d, query)), sort).Skip(skip);
            if (limit > 0) matching = matching.Take(limit);
            return matching.Select(d => (JsonNode)MongoProjection.Apply(d, projection)).ToList();
        });
        return FakeResults.Ok(new JsonArray([.. found]));
    }

    /// <summary>Only <c>$match</c>, <c>$skip</c>, <c>$limit</c> and <c>$count</c>: enough to count, and honest about the rest.</summary>
    private static Microsoft.AspNetCore.Http.IResult Aggregate(FakeCall call)
    {
        var (name, pipeline) = (call.String("collectionName"), call.Array("pipeline"));
        var result = call.Database.Read(s =>
        {
            IEnumerable<JsonObject> docs = s.Get(name).ToList();
            foreach (var stage in pipeline.Select(st => st as JsonObject ?? throw new FakeApiException(422, "pipeline: stages must be objects")))
            {
                var (op, argument) = stage.Single();
                docs = op switch
                {
                    "$match" => docs.Where(d => MongoFilter.Matches(d, argument as JsonObject)).ToList(),
                    "$skip" => docs.Skip((int)JsonValues.Number(argument!)).ToList(),
                    "$limit" => docs.Take((int)JsonValues.Number(argument!)).ToList(),
                    "$count" => docs.Any() ? [new JsonObject { [argument!.GetValue<string>()] = docs.Count() }] : [],
                    _ => throw new FakeApiException(400, $"The fake does not support the aggregation stage {op}."),
                };
            }
            return docs.Select(d => (JsonNode)d.DeepClone()).ToList();
        });
        return FakeResults.Ok(new JsonArray([.. result]));
    }

    /// <summary>Checked now, applied later in one piece; a failing operation stops there, the earlier ones stay (Mongo's ordered bulk).</summary>
    private static Microsoft.AspNetCore.Http.IResult BulkWrite(FakeCall call, FakeOperations operations)
    {
        var (name, list) = (call.String("collectionName"), call.Array("operations"));
        var steps = list.Select(Parse).ToList();
        var op = operations.Start(call.Organisation, "bulk_write", () => call.Database.Write(s =>
        {
            var collection = s.GetOrCreate(name);
            foreach (var step in steps) step(collection);
            return 0;
        }));
        return FakeResults.Accept(op);
    }

    private static Action<List<JsonObject>> Parse(JsonNode? operation)
    {
        if (operation is not JsonObject { Count: 1 } wrapper || wrapper.Single().Value is not JsonObject model)
            throw new FakeApiException(422, "operations: each item must be one {\"<operation>\": {…}} object");
        var kind = wrapper.Single().Key;
        var filter = model["filter"] as JsonObject;
        var upsert = model["upsert"]?.GetValueKind() == JsonValueKind.True;
        return kind switch
        {
            "insertOne" when model["document"] is JsonObject document => c => MongoWrites.InsertOne(c, document),
            "replaceOne" when filter is not null && model["replacement"] is JsonObject replacement => c => MongoWrites.ReplaceOne(c, filter, replacement, upsert),
            "deleteOne" when filter is not null => c => MongoWrites.Delete(c, filter, many: false),
            "deleteMany" when filter is not null => c => MongoWrites.Delete(c, filter, many: true),
            "insertOne" or "replaceOne" or "deleteOne" or "deleteMany" => throw new FakeApiException(422, $"operations: {kind} is missing its filter, document or replacement"),
            _ => throw new FakeApiException(400, $"The fake does not support the bulk operation {kind}."),
        };
    }
}
