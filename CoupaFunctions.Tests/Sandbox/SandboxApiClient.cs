using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

// Not ".Sandbox": a namespace of that name would hide the Infrastructure.Sandbox type from every test file.
namespace CoupaFunctions.Tests.SandboxEndpoints;

/// <summary>Raw HTTP against a sandbox, the way a Coupa client sees it: a bearer token from /oauth2/token (optionally
/// with chosen scopes) and JSON in and out. Deliberately not the production client, so the tests pin the wire format.</summary>
internal sealed class SandboxApiClient : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly HttpClient _http;

    private SandboxApiClient(ServiceProvider services, HttpClient http)
    {
        _services = services;
        _http = http;
    }

    public static async Task<SandboxApiClient> ConnectAsync(Infrastructure.Sandbox sandbox, string? scope = null)
    {
        var services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
        var http = services.GetRequiredService<IHttpClientFactory>().CreateClient();
        http.BaseAddress = sandbox.Server.BaseUrl;
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = sandbox.Client.ClientId,
            ["client_secret"] = sandbox.Client.ClientSecret,
        };
        if (scope is not null)
            form["scope"] = scope;
        using var response = await http.PostAsync("oauth2/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return new SandboxApiClient(services, http);
    }

    public Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string path) => SendAsync(HttpMethod.Get, path, null);

    public Task<(HttpStatusCode Status, JsonNode? Body)> PostJsonAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, Json(body));

    public Task<(HttpStatusCode Status, JsonNode? Body)> PutAsync(string path, HttpContent? content = null) => SendAsync(HttpMethod.Put, path, content);

    public Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(string method, string path, HttpContent? content) => SendAsync(new HttpMethod(method), path, content);

    public static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await _http.SendAsync(request, TestContext.Current.CancellationToken);
        string text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _services.DisposeAsync();
    }
}
