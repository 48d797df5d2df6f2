using System.Net;
using System.Text.Json.Nodes;
using CoupaSandbox;
using TestSandbox = CoupaFunctions.Tests.Infrastructure.Sandbox;

// Not ".Sandbox": a namespace of that name would hide the Infrastructure.Sandbox type from every test file.
namespace CoupaFunctions.Tests.SandboxEndpoints;

/// <summary>Several OAuth clients on one sandbox, each with its scopes and grant types, set in options or over /_sandbox/clients.</summary>
public sealed class SandboxClientsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, JsonObject Body)> TokenAsync(HttpClient http, string clientId, string secret, string scope)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret, ["scope"] = scope };
        using var response = await http.PostAsync("oauth2/token", new FormUrlEncodedContent(form), Ct);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject());
    }

    [Fact]
    public async Task ClientWithoutTheClientCredentialsGrant_GetsUnauthorizedClient()
    {
        await using var sandbox = await TestSandbox.StartAsync(o => o.Clients.Add(
            new SandboxClient("web-app", "web-secret", ["core.supplier.read"]) { GrantTypes = ["authorization_code"] }));
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUrl };

        var (status, body) = await TokenAsync(http, "web-app", "web-secret", "core.supplier.read");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("unauthorized_client", (string?)body["error"]);
        // The default client is untouched.
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(http, sandbox.Client.ClientId, sandbox.Client.ClientSecret, "core.supplier.read")).Status);
    }

    [Fact]
    public async Task AdminClients_AddReplaceListAndRemove_WithoutEverShowingASecret()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUrl };

        using var put = await http.PutAsync("_sandbox/clients/limited",
            new StringContent("""{"secret":"limited-Secret-1","scopes":["core.common.read"]}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(http, "limited", "limited-Secret-1", "core.common.read")).Status);
        Assert.Equal("invalid_scope", (string?)(await TokenAsync(http, "limited", "limited-Secret-1", "core.contract.read")).Body["error"]);

        using var replace = await http.PutAsync("_sandbox/clients/limited",
            new StringContent("""{"secret":"limited-Secret-1","scopes":["core.common.read"],"grantTypes":["authorization_code"]}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal("unauthorized_client", (string?)(await TokenAsync(http, "limited", "limited-Secret-1", "core.common.read")).Body["error"]);

        var list = await http.GetStringAsync("_sandbox/clients", Ct);
        Assert.Contains("\"limited\"", list);
        Assert.Contains("authorization_code", list);
        Assert.DoesNotContain("limited-Secret-1", list);
        Assert.DoesNotContain(sandbox.Client.ClientSecret, list);

        using var delete = await http.DeleteAsync("_sandbox/clients/limited", Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal("invalid_client", (string?)(await TokenAsync(http, "limited", "limited-Secret-1", "core.common.read")).Body["error"]);
    }

    [Fact]
    public async Task AdminClients_RefuseABodyWithoutASecret()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUrl };

        using var put = await http.PutAsync("_sandbox/clients/nosecret",
            new StringContent("""{"scopes":["core.common.read"]}""", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Contains("secret", await put.Content.ReadAsStringAsync(Ct));
    }
}
