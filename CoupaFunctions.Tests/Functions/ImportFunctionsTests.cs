using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using CoupaFunctions.Durable;
using CoupaFunctions.Functions;
using CoupaFunctions.Http;
using CoupaFunctions.Tests.Durable;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Webhooks;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoupaFunctions.Tests.Functions;

/// <summary>The thin HTTP functions invoked as the host would, with a DefaultHttpContext and an in-memory task hub.</summary>
public sealed class ImportFunctionsTests
{
    private const string HookSecret = "hook-secret";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Functions_OneAuthorizedPostPerCatalogType_PlusTheGenericUrl()
    {
        var routes = typeof(ImportFunctions).GetMethods()
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>(), Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).SingleOrDefault(t => t is not null)))
            .Where(x => x.Function is not null)
            .ToList();

        Assert.All(routes, r => Assert.Equal(r.Method.Name, r.Function!.Name));
        Assert.All(routes, r => Assert.Equal(AuthorizationLevel.Function, r.Trigger!.AuthLevel));
        Assert.All(routes, r => Assert.Equal(["post"], r.Trigger!.Methods ?? []));
        var expected = ImportCatalog.Default.Entries.Select(e => "import/" + e.Type.Replace('_', '-')).Append("coupa/v1/import").Order();
        Assert.Equal(expected, routes.Select(r => r.Trigger!.Route!).Order());
    }

    [Fact]
    public void StatusFunction_IsAnonymous_AtTheRouteOfTheLinks()
    {
        var trigger = typeof(ImportRunStatusFunction).GetMethod(nameof(ImportRunStatusFunction.ImportRunStatus))!
            .GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).Single(t => t is not null)!;
        Assert.Equal(AuthorizationLevel.Anonymous, trigger.AuthLevel);
        Assert.Equal("import/runs/{runId}", trigger.Route);
    }

    [Fact]
    public async Task ImportFunction_ValidCall_Answers202WithLocation_ThatPollsAs200()
    {
        await using var services = TestServices.Create();
        await using var host = await DurableImportRunLauncherTests.HostAsync();
        var (functions, status) = Functions(services);

        var accepted = await ExecuteAsync(await functions.ImportSuppliers(Request(Payload()), host.Client, Ct));

        Assert.Equal(202, accepted.StatusCode);
        var location = accepted.Headers.Location.ToString();
        Assert.StartsWith("https://coupa-func.example.net/api/import/runs/import-", location);
        Assert.Equal(location, Json(accepted)["status_url"]!.GetValue<string>());

        var link = new Uri(location);
        var runId = Uri.UnescapeDataString(link.Segments[^1]);
        await host.Client.WaitForInstanceStartAsync(runId[..runId.LastIndexOf('_')], Ct); // else it may still be "pending"
        var poll = new DefaultHttpContext();
        poll.Request.QueryString = new QueryString(link.Query);
        var polled = await ExecuteAsync(await status.ImportRunStatus(poll.Request, runId, host.Client, Ct));
        Assert.Equal(200, polled.StatusCode);
        Assert.Equal("running", Json(polled)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImportFunction_SameDatasetTwice_GivesTheSameLocation()
    {
        await using var services = TestServices.Create();
        await using var host = await DurableImportRunLauncherTests.HostAsync();
        var (functions, _) = Functions(services);

        var first = await ExecuteAsync(await functions.ImportSuppliers(Request(Payload()), host.Client, Ct));
        var second = await ExecuteAsync(await functions.ImportSuppliers(Request(Payload()), host.Client, Ct));

        Assert.Equal(first.Headers.Location.ToString(), second.Headers.Location.ToString());
        Assert.Equal("already_running", Json(second)["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task GenericFunction_TakesTheTypeFromTheEndpoint()
    {
        await using var services = TestServices.Create();
        await using var host = await DurableImportRunLauncherTests.HostAsync();
        var (functions, _) = Functions(services);

        var accepted = await ExecuteAsync(await functions.CoupaV1Import(Request(Payload(endpoint: "api/purchase_orders")), host.Client, Ct));

        Assert.Equal(202, accepted.StatusCode);
        Assert.Equal("purchase_orders", Json(accepted)["dataset"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    public async Task ImportFunction_BadSignature_Answers401(string? signature)
    {
        await using var services = TestServices.Create(new Dictionary<string, string?> { ["Webhooks:SignatureSecret"] = HookSecret });
        await using var host = await DurableImportRunLauncherTests.HostAsync();
        var (functions, _) = Functions(services);

        var refused = await ExecuteAsync(await functions.ImportSuppliers(Request(Payload(), signature), host.Client, Ct));

        Assert.Equal(401, refused.StatusCode);
        Assert.False(refused.Headers.ContainsKey("Location"));
    }

    [Fact]
    public async Task ImportFunction_SignedCall_IsAccepted()
    {
        await using var services = TestServices.Create(new Dictionary<string, string?> { ["Webhooks:SignatureSecret"] = HookSecret });
        await using var host = await DurableImportRunLauncherTests.HostAsync();
        var (functions, _) = Functions(services);
        var body = Payload();

        var accepted = await ExecuteAsync(await functions.ImportSuppliers(Request(body, WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), new Secret(HookSecret))), host.Client, Ct));

        Assert.Equal(202, accepted.StatusCode);
    }

    [Fact]
    public async Task StatusFunction_ForgedToken_Answers404()
    {
        await using var services = TestServices.Create();
        await using var host = await DurableImportRunLauncherTests.HostAsync();
        var (functions, status) = Functions(services);
        var accepted = await ExecuteAsync(await functions.ImportSuppliers(Request(Payload()), host.Client, Ct));
        var runId = Uri.UnescapeDataString(new Uri(accepted.Headers.Location.ToString()).Segments[^1]);

        var poll = new DefaultHttpContext();
        poll.Request.QueryString = new QueryString("?token=forged");
        var polled = await ExecuteAsync(await status.ImportRunStatus(poll.Request, runId, host.Client, Ct));

        Assert.Equal(404, polled.StatusCode);
    }

    private static (ImportFunctions, ImportRunStatusFunction) Functions(TestServices services)
    {
        var launchers = new DurableLaunchers(Options.Create(new DurableOptions()));
        var handler = services.Get<ImportWebhookHandler>();
        return (new ImportFunctions(handler, launchers, Options.Create(new StatusLinkOptions())), new ImportRunStatusFunction(handler, launchers));
    }

    internal static string Payload(string? endpoint = null) => new JsonObject
    {
        ["request_id"] = "7f0c1c2e-0000-4000-8000-000000000001",
        ["timestamp"] = "2026-12-03T10:00:00.000000Z",
        ["hook"] = "https://acme.rossum.app/api/v1/hooks/789",
        ["action"] = "manual",
        ["event"] = "invocation",
        ["base_url"] = "https://acme.rossum.app",
        ["rossum_authorization_token"] = "rossum-token",
        ["settings"] = new JsonObject
        {
            ["credentials"] = new JsonObject { ["client_id"] = "client-1", ["base_api_url"] = "https://acme.coupahost.com/" },
            ["import_config"] = endpoint is null ? new JsonObject() : new JsonObject { ["endpoint"] = endpoint },
            ["job_run_settings"] = new JsonObject { ["max_run_time_s"] = 3600 },
        },
        ["secrets"] = new JsonObject { ["client_secret"] = "coupa-secret" },
    }.ToJsonString();

    private static HttpRequest Request(string body, string? signature = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("coupa-func.example.net");
        context.Request.Path = "/api/import/suppliers";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (signature is not null) context.Request.Headers[WebhookSignature.HeaderName] = signature;
        return context.Request;
    }

    internal static async Task<HttpResponse> ExecuteAsync(IActionResult result)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        context.Response.Body.Position = 0;
        return context.Response;
    }

    internal static JsonNode Json(HttpResponse response)
    {
        response.Body.Position = 0;
        return JsonNode.Parse(response.Body)!;
    }
}
