using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Rossum.Fake;

/// <summary>The fake keeps the rules of the real service that clients could get wrong.</summary>
public sealed class RossumFakeServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(FakeRossum rossum, string endpoint, JsonObject body, string? token = null)
    {
        using var http = rossum.Services.Get<IHttpClientFactory>().CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(rossum.Server.BaseUrl, "/svc/data-storage/api/v1/" + endpoint)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? rossum.Token);
        using var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, (JsonObject)JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!);
    }

    [Fact]
    public async Task InsertMany_WithADuplicateId_FailsWholeWith400_ButInsertsTheRest()
    {
        await using var rossum = await FakeRossum.StartAsync();
        await PostAsync(rossum, "data/insert_many", new JsonObject { ["collectionName"] = "c", ["documents"] = new JsonArray(new JsonObject { ["_id"] = "a" }) });

        var (status, body) = await PostAsync(rossum, "data/insert_many", new JsonObject
        {
            ["collectionName"] = "c",
            ["documents"] = new JsonArray(new JsonObject { ["_id"] = "a" }, new JsonObject { ["_id"] = "b" }),
        });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("batch op errors occurred", body["message"]!.GetValue<string>());
        Assert.Equal(2, rossum.Storage.Count("c"));
    }

    [Theory]
    [InlineData("data/find", "filter")]
    [InlineData("data/delete_many", "query")]
    public async Task TheWrongFilterKey_Is422(string endpoint, string wrongKey)
    {
        await using var rossum = await FakeRossum.StartAsync();

        var (status, body) = await PostAsync(rossum, endpoint, new JsonObject { ["collectionName"] = "c", [wrongKey] = new JsonObject() });

        Assert.Equal((HttpStatusCode)422, status);
        Assert.Equal("error", body["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task UnknownAndExpiredTokens_Are401WithTheErrorEnvelope()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var token = rossum.Server.Tokens.Mint();
        rossum.Server.Tokens.Expire(token);

        foreach (var rejected in new[] { token, "made-up" })
        {
            var (status, body) = await PostAsync(rossum, "collections/list", new JsonObject(), rejected);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("error", body["code"]!.GetValue<string>());
        }
        Assert.All(rossum.Server.Requests.Snapshot(), r => Assert.DoesNotContain(token, r.ToString()));
    }

    [Fact]
    public async Task Operations_AreVisibleOnlyToTheirOrganisation()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var (status, accepted) = await PostAsync(rossum, "collections/drop", new JsonObject { ["collectionName"] = "c" });
        var id = CoupaIntegration.Rossum.DataStorage.RossumDataStorageClient.OperationIdIn(accepted["message"]!.GetValue<string>())!;
        using var http = rossum.Services.Get<IHttpClientFactory>().CreateClient();

        using var mine = new HttpRequestMessage(HttpMethod.Get, new Uri(rossum.Server.BaseUrl, $"/svc/data-storage/api/v1/operation_status/{id}"));
        mine.Headers.Authorization = new AuthenticationHeaderValue("Bearer", rossum.Token);
        using var theirs = new HttpRequestMessage(HttpMethod.Get, mine.RequestUri);
        theirs.Headers.Authorization = new AuthenticationHeaderValue("Bearer", rossum.Server.Tokens.Mint("other-org"));

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Equal(HttpStatusCode.OK, (await http.SendAsync(mine, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(theirs, Ct)).StatusCode);
    }

    [Fact]
    public async Task DocumentContent_IsServedAsStoredBytes_ToItsOrganisationOnly()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var pdf = "%PDF-1.7 fake"u8.ToArray();
        var document = rossum.Server.Documents.Add(pdf, "application/pdf", "invoice.pdf");
        using var http = rossum.Services.Get<IHttpClientFactory>().CreateClient();
        var url = new Uri(rossum.Server.BaseUrl, $"/api/v1/documents/{document.Id}/content");

        using var mine = new HttpRequestMessage(HttpMethod.Get, url);
        mine.Headers.Authorization = new AuthenticationHeaderValue("Bearer", rossum.Token);
        using var response = await http.SendAsync(mine, Ct);
        using var theirs = new HttpRequestMessage(HttpMethod.Get, url);
        theirs.Headers.Authorization = new AuthenticationHeaderValue("Token", rossum.Server.Tokens.Mint("other-org"));

        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(theirs, Ct)).StatusCode);
    }
}
