using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Routing;

namespace CoupaIntegration.Webhooks.Hosting;

/// <summary>
/// The import webhooks as minimal-API endpoints, for any ASP.NET Core host (`coupa serve`, tests). Thin on purpose:
/// raw body and signature header in, <see cref="ImportWebhookHandler"/> decides, its answer goes out as is. Routes
/// match the Function App's, so a hook URL differs between them only by host.
/// </summary>
public static class WebhookEndpoints
{
    public const string StatusPath = "/api/import/runs/";

    public static IEndpointRouteBuilder MapCoupaWebhooks(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api").AddEndpointFilter<WebhookErrorFilter>();
        // Catalog types with hyphens or underscores: the catalog normalises both.
        api.MapPost("/import/{type}", (string type, HttpContext http, ImportWebhookHandler handler, ImportCatalog catalog, IImportRunLauncher launcher) =>
            StartAsync(catalog.Find(type)?.Type ?? type, http, handler, launcher));
        // The generic URL of Rossum's hosted service: the endpoint comes from the hook's settings.
        api.MapPost("/coupa/v1/import", (HttpContext http, ImportWebhookHandler handler, IImportRunLauncher launcher) =>
            StartAsync(null, http, handler, launcher));
        api.MapGet("/import/runs/{runId}", async (string runId, string? token, HttpContext http, ImportWebhookHandler handler, IImportRunLauncher launcher) =>
            new WebhookAnswerResult(await handler.StatusAsync(runId, token, launcher, http.RequestAborted)));
        // Exports answer synchronously: Rossum waits for the annotation's outcome.
        api.MapPost("/export/invoice", async (HttpContext http, ExportWebhookHandler handler) =>
            new WebhookAnswerResult(await handler.ExportAsync(await ReadAsync(http), http.RequestAborted)));
        api.MapPost("/export/duplicate-check", async (HttpContext http, ExportWebhookHandler handler) =>
            new WebhookAnswerResult(await handler.DuplicateCheckAsync(await ReadAsync(http), http.RequestAborted)));
        api.MapGet("/health", (ImportCatalog catalog) =>
            Results.Json(new { status = "ok", importTypes = catalog.Entries.Select(e => e.Type) }));
        return endpoints;
    }

    /// <summary>The signature covers the exact bytes received, so the body is read raw, never model-bound.</summary>
    private static async Task<WebhookCall> ReadAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return new WebhookCall(buffer.ToArray(), http.Request.Headers[WebhookSignature.HeaderName].FirstOrDefault());
    }

    private static async Task<IResult> StartAsync(string? type, HttpContext http, ImportWebhookHandler handler, IImportRunLauncher launcher)
    {
        var call = await ReadAsync(http);
        var request = http.Request;
        var answer = await handler.StartAsync(type, call, launcher,
            (runId, token) => UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, StatusPath + Uri.EscapeDataString(runId), QueryString.Create("token", token)),
            http.RequestAborted);
        return new WebhookAnswerResult(answer);
    }
}
