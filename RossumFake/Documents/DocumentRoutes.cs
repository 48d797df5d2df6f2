using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RossumFake.DataStorage;

namespace RossumFake.Documents;

public static class DocumentRoutes
{
    public static void Map(WebApplication app, FakeDocuments documents) =>
        app.MapGet("/api/v1/documents/{id:long}/content", (HttpContext http, long id) =>
            documents.Find(id, (string)http.Items[DataStorageRoutes.OrganisationItem]!) is { } document
                ? Results.Bytes(document.Content, document.MimeType)
                // The Rossum API's own shape for a missing object (Django REST framework).
                : FakeResults.Json(404, new JsonObject { ["detail"] = "Not found." }));
}
