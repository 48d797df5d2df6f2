using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace RossumFake.DataStorage;

/// <summary>Maps <c>/svc/data-storage/api/v1/…</c>; each handler gets a <see cref="FakeCall"/> and may throw <see cref="FakeApiException"/>.</summary>
public static class DataStorageRoutes
{
    public const string Prefix = "/svc/data-storage/api/v1";

    public const string OrganisationItem = "rossum.organisation";

    public static void Map(WebApplication app, FakeDataStorage storage)
    {
        app.MapGet("/svc/data-storage/api/healthz", () => FakeResults.Json(200, new JsonObject { ["status"] = "ok" }));
        CollectionEndpoints.Map(app, storage);
        DataEndpoints.Map(app, storage);
        app.MapGet(Prefix + "/operation_status/{id}", (HttpContext http, string id) =>
        {
            var organisation = (string)http.Items[OrganisationItem]!;
            if (storage.Operations.Find(id, organisation) is not { } op) return FakeResults.Error(404, $"Operation {id} not found.");
            var result = new JsonObject
            {
                ["_id"] = op.Id,
                ["user_id"] = 1,
                ["status"] = op.Status,
                ["operation"] = op.Operation,
                ["last_updated"] = new JsonObject { ["$date"] = op.LastUpdated.ToUnixTimeMilliseconds() },
            };
            if (op.ErrorMessage is not null) result["error_message"] = op.ErrorMessage;
            return FakeResults.Ok(result);
        });
    }

    public static void Post(WebApplication app, FakeDataStorage storage, string path, Func<FakeCall, IResult> handler) =>
        app.MapPost(Prefix + path, async (HttpContext http) =>
        {
            try
            {
                var organisation = (string)http.Items[OrganisationItem]!;
                return handler(new FakeCall(organisation, storage.For(organisation), await ReadBodyAsync(http)));
            }
            catch (FakeApiException e)
            {
                return FakeResults.Error(e.Status, e.Message);
            }
        });

    private static async Task<JsonObject> ReadBodyAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? throw new FakeApiException(422, "body: must be a JSON object");
        }
        catch (JsonException)
        {
            throw new FakeApiException(422, "body: invalid JSON");
        }
    }
}
