using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace RossumFake.DataStorage;

/// <summary>The service's envelope: <c>{"code":"ok"|"accept"|"error","message":…,"result":…}</c>.</summary>
public static class FakeResults
{
    public static IResult Ok(JsonNode? result = null) =>
        Json(200, new JsonObject { ["code"] = "ok", ["message"] = "", ["result"] = result });

    /// <summary>202 with the operation id in the message, which is all clients get to poll with.</summary>
    public static IResult Accept(FakeOperation operation) =>
        Json(202, new JsonObject { ["code"] = "accept", ["message"] = $"Operation {operation.Id} accepted." });

    public static IResult Error(int status, string message) =>
        Json(status, new JsonObject { ["code"] = "error", ["message"] = message });

    public static IResult Json(int status, JsonNode body) => Results.Text(body.ToJsonString(), "application/json", statusCode: status);
}
