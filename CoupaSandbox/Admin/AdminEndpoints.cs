using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaSandbox.Api;
using CoupaSandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoupaSandbox.Admin;

/// <summary>Unauthenticated control endpoints under /_sandbox for tests and the CLI (never rate limited or faulted).
/// Admin JSON uses camelCase; it is not part of the simulated Coupa API.</summary>
internal static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/_sandbox");
        admin.MapGet("/stats", (RequestDelegate)StatsAsync);
        admin.MapPost("/update", (RequestDelegate)(context => MutateAsync(context, create: false)));
        admin.MapPost("/create", (RequestDelegate)(context => MutateAsync(context, create: true)));
        admin.MapPost("/tokens/expire", (RequestDelegate)ExpireTokensAsync);
        admin.MapGet("/faults", (RequestDelegate)(context => JsonHttp.WriteAsync(context, 200, FaultSettings.ToJson(context.Sandbox().Options.Faults))));
        admin.MapPut("/faults", (RequestDelegate)PutFaultsAsync);
        admin.MapGet("/records/{resource}", (RequestDelegate)RecordsAsync);
        admin.MapGet("/clients", (RequestDelegate)(context => JsonHttp.WriteAsync(context, 200,
            new JsonArray([.. context.Sandbox().Options.Clients.Select(c => (JsonNode?)ClientSettings.ToJson(c))]))));
        admin.MapPut("/clients/{clientId}", (RequestDelegate)PutClientAsync);
        admin.MapDelete("/clients/{clientId}", (RequestDelegate)DeleteClientAsync);
        admin.MapGet("/requests", (RequestDelegate)RequestsAsync);
        admin.MapDelete("/requests", (RequestDelegate)(context => { context.Sandbox().Log.Clear(); context.Response.StatusCode = 204; return Task.CompletedTask; }));
    }

    private static Task StatsAsync(HttpContext context)
    {
        var sandbox = context.Sandbox();
        var records = new JsonObject();
        foreach (var resource in sandbox.Data.Resources)
            records[resource] = sandbox.Data.Count(resource);
        var faults = new JsonObject();
        foreach (var (kind, count) in sandbox.Stats.Faults)
            faults[kind] = count;
        return JsonHttp.WriteAsync(context, 200, new JsonObject
        {
            ["requests"] = sandbox.Stats.Requests,
            ["apiRequests"] = sandbox.Stats.ApiRequests,
            ["rateLimited"] = sandbox.Stats.RateLimited,
            ["unauthorized"] = sandbox.Stats.Unauthorized,
            ["faultsInjected"] = sandbox.Stats.FaultsInjected,
            ["faults"] = faults,
            ["tokensIssued"] = sandbox.Tokens.Issued,
            ["records"] = records,
        });
    }

    /// <summary>?resource=suppliers&amp;count=10. resource=remit_to_addresses (update only) triggers the remit-to quirk.</summary>
    private static Task MutateAsync(HttpContext context, bool create)
    {
        var data = context.Sandbox().Data;
        string resource = context.Request.Query["resource"].ToString();
        int count = int.TryParse(context.Request.Query["count"], out int n) ? n : 1;
        try
        {
            bool remitTo = !create && resource.Replace('-', '_') == "remit_to_addresses";
            var ids = remitTo ? data.UpdateRemitToAddresses(count) : create ? data.Create(resource, count) : data.Update(resource, count);
            return JsonHttp.WriteAsync(context, 200, new JsonObject
            {
                ["resource"] = remitTo ? "suppliers" : resource,
                ["ids"] = new JsonArray([.. ids.Select(id => (JsonNode?)id)]),
            });
        }
        catch (ArgumentException e)
        {
            return JsonHttp.WriteAsync(context, 400, new JsonObject { ["error"] = e.Message });
        }
    }

    private static Task ExpireTokensAsync(HttpContext context)
    {
        context.Sandbox().Tokens.ExpireAll();
        return JsonHttp.WriteAsync(context, 200, new JsonObject { ["expired"] = true });
    }

    private static async Task PutFaultsAsync(HttpContext context)
    {
        var faults = context.Sandbox().Options.Faults;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw new JsonException("expected a JSON object");
            FaultSettings.Apply(faults, body);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            await JsonHttp.WriteAsync(context, 400, new JsonObject { ["error"] = $"Invalid faults body: {e.Message}" });
            return;
        }
        await JsonHttp.WriteAsync(context, 200, FaultSettings.ToJson(faults));
    }

    /// <summary>Adds or replaces one OAuth client. The list is swapped whole, so a token request never sees it half changed.</summary>
    private static async Task PutClientAsync(HttpContext context)
    {
        var options = context.Sandbox().Options;
        SandboxClient client;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject
                ?? throw new JsonException("expected a JSON object");
            client = ClientSettings.Parse((string?)context.GetRouteValue("clientId") ?? "", body);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            await JsonHttp.WriteAsync(context, 400, new JsonObject { ["error"] = $"Invalid client body: {e.Message}" });
            return;
        }
        options.Clients = [.. options.Clients.Where(c => c.ClientId != client.ClientId), client];
        await JsonHttp.WriteAsync(context, 200, ClientSettings.ToJson(client));
    }

    private static Task DeleteClientAsync(HttpContext context)
    {
        var options = context.Sandbox().Options;
        string clientId = (string?)context.GetRouteValue("clientId") ?? "";
        if (options.Clients.All(c => c.ClientId != clientId))
            return JsonHttp.WriteAsync(context, 404, new JsonObject { ["error"] = $"Unknown client {clientId}" });
        options.Clients = [.. options.Clients.Where(c => c.ClientId != clientId)];
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    }

    /// <summary>Streams every full document; meant for small data sets.</summary>
    private static async Task RecordsAsync(HttpContext context)
    {
        var data = context.Sandbox().Data;
        string resource = (string?)context.GetRouteValue("resource") ?? "";
        if (!data.TryGetStore(SandboxData.Normalize(resource), out _))
        {
            await JsonHttp.WriteAsync(context, 404, new JsonObject { ["error"] = $"Unknown resource {resource}" });
            return;
        }
        await using var stream = JsonHttp.StartStream(context);
        stream.Json.WriteStartArray();
        foreach (var document in data.All(resource))
        {
            document.WriteTo(stream.Json);
            if (stream.Json.BytesPending > 64 * 1024)
                await stream.Json.FlushAsync(context.RequestAborted);
        }
        stream.Json.WriteEndArray();
    }

    private static Task RequestsAsync(HttpContext context)
    {
        var list = new JsonArray();
        foreach (var request in context.Sandbox().Log.Snapshot())
        {
            var query = new JsonObject();
            foreach (var (key, value) in request.Query)
                query[key] = value;
            list.Add(new JsonObject
            {
                ["at"] = request.At.ToString("O"),
                ["method"] = request.Method,
                ["path"] = request.Path,
                ["query"] = query,
                ["status"] = request.Status,
            });
        }
        return JsonHttp.WriteAsync(context, 200, list);
    }
}
