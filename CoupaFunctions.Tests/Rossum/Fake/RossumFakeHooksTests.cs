using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.Api;
using CoupaIntegration.Rossum.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupaFunctions.Tests.Rossum.Fake;

/// <summary>
/// The fake's hooks API through our real Rossum API client: the rules an installer could get wrong (secrets are
/// write-only, PATCH replaces a field whole, lists come in pages, ranges are checked) and an invoke that calls the
/// hook the way Rossum does (payload, signature, token lifetime).
/// </summary>
public sealed class RossumFakeHooksTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RossumApiClient Client(FakeRossum rossum) =>
        rossum.Services.Get<RossumApiFactory>().Create(rossum.Server.BaseUrl, new Secret(rossum.Token));

    private static JsonObject Hook(string url, string? secret = null, int? tokenLifetime = null) => new()
    {
        ["name"] = "A hook",
        ["events"] = new JsonArray("invocation.manual"),
        ["config"] = new JsonObject { ["url"] = url, ["secret"] = secret },
        ["settings"] = new JsonObject { ["import_config"] = new JsonObject { ["dataset_name"] = "d", ["method"] = "update" } },
        ["secrets_schema"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["client_secret"] = new JsonObject { ["type"] = "string" } }, ["additionalProperties"] = false },
        ["secrets"] = new JsonObject { ["client_secret"] = "the-coupa-secret-1" },
        ["token_lifetime_s"] = tokenLifetime,
    };

    [Fact]
    public async Task Secrets_AreWriteOnly_AndConfigSecretShowsOnlyWhereTheFakeIsToldSo()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var client = Client(rossum);

        var created = await client.CreateHookAsync(Hook("https://example.test/hook", secret: "signing-secret-1"), Ct);
        Assert.Equal("signing-secret-1", (string?)created.Config!["secret"]);
        rossum.Server.Options.HookSecretsReadable = false;
        var listed = Assert.Single(await client.ListHooksAsync(Ct));

        Assert.False(listed.Config!.ContainsKey("secret"));
        Assert.Equal("the-coupa-secret-1", (string?)rossum.Server.Hooks.Find(created.Id, "default")!.Secrets!["client_secret"]);
        Assert.DoesNotContain("the-coupa-secret-1", rossum.Server.Requests.Snapshot().Where(r => r.Method == "GET").Select(r => r.Body ?? ""));
    }

    [Fact]
    public async Task Patch_ReplacesEachFieldItSends_Whole_AndLeavesTheOthers()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var client = Client(rossum);
        var created = await client.CreateHookAsync(Hook("https://example.test/hook"), Ct);

        var updated = await client.UpdateHookAsync(created.Id, new JsonObject { ["settings"] = new JsonObject { ["import_config"] = new JsonObject { ["dataset_name"] = "e" } } }, Ct);

        Assert.Equal("""{"import_config":{"dataset_name":"e"}}""", updated.Settings!.ToJsonString());
        Assert.Equal("https://example.test/hook", (string?)updated.Config!["url"]);
        Assert.Equal("the-coupa-secret-1", (string?)rossum.Server.Hooks.Find(created.Id, "default")!.Secrets!["client_secret"]);
    }

    [Fact]
    public async Task OutOfRangeValuesAndUnknownSecrets_AreRefused_NamingTheField()
    {
        await using var rossum = await FakeRossum.StartAsync();
        var client = Client(rossum);
        var tooLong = Hook("https://example.test/hook", tokenLifetime: 9000);
        var extraSecret = Hook("https://example.test/hook");
        extraSecret["secrets"]!["password"] = "hunter2-secret";

        var lifetime = await Assert.ThrowsAsync<IntegrationException>(() => client.CreateHookAsync(tooLong, Ct));
        var secret = await Assert.ThrowsAsync<IntegrationException>(() => client.CreateHookAsync(extraSecret, Ct));

        Assert.Equal(FailureKind.BadRequest, lifetime.Kind);
        Assert.Contains("token_lifetime_s: Ensure this value is between 0 and 7200", lifetime.Message);
        Assert.Contains("'password' was unexpected", secret.Message);
        Assert.DoesNotContain("hunter2-secret", secret.Message);
        Assert.Empty(rossum.Server.Hooks.All());
    }

    [Fact]
    public async Task Invoke_PostsTheManualPayload_Signed_WithATokenThatLivesTokenLifetimeAfterTheAnswer()
    {
        await using var rossum = await FakeRossum.StartAsync();
        await using var receiver = await HookReceiver.StartAsync(202, """{"status_url":"https://example.test/runs/1"}""");
        var client = Client(rossum);
        var hook = await client.CreateHookAsync(Hook(receiver.Url + "?code=k1", secret: "signing-secret-2", tokenLifetime: 7200), Ct);
        var noLifetime = await client.CreateHookAsync(Hook(receiver.Url, secret: null), Ct);
        var owner = $"{rossum.Server.BaseUrl}api/v1/users/{rossum.Server.Hooks.UserId()}";
        await client.UpdateHookAsync(hook.Id, new JsonObject { ["token_owner"] = owner }, Ct);
        await client.UpdateHookAsync(noLifetime.Id, new JsonObject { ["token_owner"] = owner }, Ct);

        var answer = await client.InvokeAsync(hook.Id, Ct);
        await client.InvokeAsync(noLifetime.Id, Ct);

        Assert.Equal(202, answer.Status);
        Assert.Equal("https://example.test/runs/1", (string?)JsonNode.Parse(answer.Body)!["status_url"]);
        var (signed, unsigned) = (receiver.Calls.First(), receiver.Calls.Last());
        var payload = HookPayloadParser.ParseInvocation(Encoding.UTF8.GetBytes(signed.Body));
        Assert.Equal((InvocationAction.Manual, "d"), (payload.Invocation, (string?)JsonNode.Parse(payload.Settings.GetRawText())!["import_config"]!["dataset_name"]));
        Assert.Equal("the-coupa-secret-1", payload.GetSecret("client_secret")!.Reveal());
        Assert.Equal(rossum.Server.BaseUrl.GetLeftPart(UriPartial.Authority), payload.BaseUrl.GetLeftPart(UriPartial.Authority));
        Assert.EndsWith($"/api/v1/hooks/{hook.Id}", payload.Hook!.ToString());
        Assert.Equal("/hook?code=k1", signed.PathAndQuery);
        Assert.Equal(SignatureCheck.Valid, WebhookSignature.Verify(Encoding.UTF8.GetBytes(signed.Body), signed.Signature, new Secret("signing-secret-2")));
        Assert.Null(unsigned.Signature);
        // Rossum has the answer: the token dies, unless token_lifetime_s keeps it.
        var tokens = rossum.Server.Tokens;
        Assert.NotNull(tokens.OrganisationOf("Bearer " + payload.RossumAuthorizationToken!.Reveal()));
        var second = HookPayloadParser.ParseInvocation(Encoding.UTF8.GetBytes(unsigned.Body));
        Assert.Null(tokens.OrganisationOf("Bearer " + second.RossumAuthorizationToken!.Reveal()));
        Assert.Equal(["INFO", "INFO"], (await client.RecentLogsAsync(hook.Id, 5, Ct)).Concat(await client.RecentLogsAsync(noLifetime.Id, 5, Ct)).Select(l => l.LogLevel));
    }

    [Fact]
    public async Task Invoke_WhenTheHookAnswersWithoutJson_IsA400_AndLoggedAsAnError()
    {
        await using var rossum = await FakeRossum.StartAsync();
        await using var receiver = await HookReceiver.StartAsync(200, "<html>proxy error</html>");
        var client = Client(rossum);
        var hook = await client.CreateHookAsync(Hook(receiver.Url), Ct);

        var answer = await client.InvokeAsync(hook.Id, Ct);

        Assert.Equal(400, answer.Status);
        Assert.Contains("is not JSON", answer.Body);
        Assert.Equal("ERROR", Assert.Single(await client.RecentLogsAsync(hook.Id, 5, Ct)).LogLevel);
    }

    /// <summary>A hook endpoint on loopback that answers one fixed response and keeps each call.</summary>
    private sealed class HookReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private HookReceiver(WebApplication app, string url)
        {
            _app = app;
            Url = url;
        }

        public string Url { get; }

        public ConcurrentQueue<(string PathAndQuery, string Body, string? Signature)> Calls { get; } = new();

        public static async Task<HookReceiver> StartAsync(int status, string body)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            HookReceiver? receiver = null;
            app.MapPost("/hook", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                receiver!.Calls.Enqueue((http.Request.Path + http.Request.QueryString, await reader.ReadToEndAsync(), http.Request.Headers[WebhookSignature.HeaderName].FirstOrDefault()));
                return Results.Text(body, body.StartsWith('{') ? "application/json" : "text/html", statusCode: status);
            });
            await app.StartAsync(Ct);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return receiver = new HookReceiver(app, address + "/hook");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
