using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;

namespace RossumFake.DataStorage;

/// <summary><c>collections/list|create|rename|drop</c>; drop is asynchronous, as on the real service.</summary>
public static class CollectionEndpoints
{
    public static void Map(WebApplication app, FakeDataStorage storage)
    {
        DataStorageRoutes.Post(app, storage, "/collections/list", call =>
        {
            var filter = call.Object("filter");
            var collections = call.Database.Read(s => s.Names)
                .Select(n => new JsonObject { ["name"] = n, ["type"] = "collection" })
                .Where(c => MongoFilter.Matches(c, filter))
                .ToList();
            return FakeResults.Ok(call.Bool("nameOnly", true)
                ? new JsonArray([.. collections.Select(c => c["name"]!.DeepClone())])
                : new JsonArray([.. collections]));
        });

        DataStorageRoutes.Post(app, storage, "/collections/create", call =>
        {
            var name = call.String("collectionName");
            call.Database.Write(s => { s.Create(name); return 0; });
            return FakeResults.Ok();
        });

        DataStorageRoutes.Post(app, storage, "/collections/rename", call =>
        {
            var (from, to, dropTarget) = (call.String("collectionName"), call.String("target"), call.Bool("dropTarget", false));
            call.Database.Write(s => { s.Rename(from, to, dropTarget); return 0; });
            return FakeResults.Ok();
        });

        DataStorageRoutes.Post(app, storage, "/collections/drop", call =>
        {
            var name = call.String("collectionName");
            return FakeResults.Accept(storage.Operations.Start(call.Organisation, "drop_collection", () => call.Database.Write(s => { s.Drop(name); return 0; })));
        });
    }
}
