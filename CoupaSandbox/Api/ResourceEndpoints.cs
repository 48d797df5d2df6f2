using System.Text.Json.Nodes;
using CoupaSandbox.Data;
using CoupaSandbox.Hosting;
using CoupaSandbox.Middleware;
using CoupaSandbox.Query;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoupaSandbox.Api;

/// <summary>Read endpoints for every resource: GET /api/{resource} and GET /api/{resource}/{id}. Write endpoints (invoices,
/// see Api/Invoices) map their own, more specific routes next to these and share the /api middleware (rate limit, auth,
/// faults) and <see cref="ResourceAccess"/>.</summary>
internal static class ResourceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/{resource}", (RequestDelegate)QueryAsync);
        app.MapGet("/api/{resource}/{id}", (RequestDelegate)ShowAsync);
        app.MapGet("/api/suppliers/{id}/addresses", (RequestDelegate)RemitToAsync);
        app.MapFallback("/api/{**path}", (RequestDelegate)FallbackAsync);
    }

    private static async Task QueryAsync(HttpContext context)
    {
        var store = await ResourceAccess.ResolveAsync(context, (string?)context.GetRouteValue("resource"));
        if (store is null)
            return;
        var query = QueryParser.Parse(context.Request.Query, store.Generator);
        var ids = QueryExecutor.Run(store, query, (ulong)Random.Shared.NextInt64());
        var page = new JsonArray();
        foreach (long id in ids)
            page.Add(Render(store.View(id), query));
        await JsonHttp.WriteAsync(context, StatusCodes.Status200OK, page);
    }

    private static async Task ShowAsync(HttpContext context)
    {
        var store = await ResourceAccess.ResolveAsync(context, (string?)context.GetRouteValue("resource"));
        if (store is null)
            return;
        string raw = (string?)context.GetRouteValue("id") ?? "";
        if (!long.TryParse(raw, out long id) || !store.Exists(id))
        {
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Couldn't find {store.Name} with 'id'={raw}");
            return;
        }
        await JsonHttp.WriteAsync(context, StatusCodes.Status200OK, Render(store.View(id), QueryParser.ParseShape(context.Request.Query)));
    }

    /// <summary>Remit-to addresses have no global index in Coupa, only this per-supplier one (coupa.md §8).</summary>
    private static async Task RemitToAsync(HttpContext context)
    {
        var store = await ResourceAccess.ResolveAsync(context, "suppliers");
        if (store is null)
            return;
        string raw = (string?)context.GetRouteValue("id") ?? "";
        if (!long.TryParse(raw, out long id) || !store.Exists(id))
        {
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Couldn't find suppliers with 'id'={raw}");
            return;
        }
        await JsonHttp.WriteAsync(context, StatusCodes.Status200OK, store.View(id).Get("remit-to-addresses") ?? new JsonArray());
    }

    private static Task FallbackAsync(HttpContext context)
    {
        string path = (string?)context.GetRouteValue("path") ?? "";
        string first = path.Split('/')[0];
        if (context.Sandbox().Data.TryGetStore(first, out _))
        {
            return path.Contains('/')
                ? JsonHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Unknown route /api/{path}")
                : JsonHttp.WriteErrorAsync(context, StatusCodes.Status405MethodNotAllowed, $"{context.Request.Method} is not supported on /api/{first} by this sandbox");
        }
        return JsonHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Unknown resource {first}");
    }

    /// <summary>Shared with the invoice write endpoints, whose responses honour fields/return_object like queries do.</summary>
    internal static JsonObject Render(in RecordView view, CollectionQuery query)
    {
        if (query.Fields is not null)
            return Projector.Fields(view, query.Fields);
        return query.Mode switch
        {
            ReturnMode.Limited => Projector.Limited(view.Id),
            ReturnMode.Shallow => Projector.Shallow(view.Build()),
            _ => view.Build(),
        };
    }
}
