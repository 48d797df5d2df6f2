using CoupaSandbox.Hosting;
using CoupaSandbox.Query;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoupaSandbox.Api.Invoices;

/// <summary>What the /api/invoices/{id}/… routes share: scope check, the 404 for unknown ids, and answering with the
/// invoice shaped by fields/return_object.</summary>
internal static class InvoiceRoute
{
    /// <summary>The invoice id of the route after the scope check, or null when a 403/404 was already written.</summary>
    public static async Task<long?> ResolveAsync(HttpContext context, params string[] scopes)
    {
        if (!await ResourceAccess.RequireAnyScopeAsync(context, scopes))
            return null;
        var store = context.Sandbox().Data.Store("invoices");
        string raw = (string?)context.GetRouteValue("id") ?? "";
        if (long.TryParse(raw, out long id) && store.Exists(id))
            return id;
        await JsonHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Couldn't find invoices with 'id'={raw}");
        return null;
    }

    /// <summary>The invoice as GET returns it; return_object=none (POST/PUT only, coupa.md §3) answers with no body.</summary>
    public static Task WriteInvoiceAsync(HttpContext context, int status, long id)
    {
        if (string.Equals(ReturnObject(context), "none", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        var view = context.Sandbox().Data.Store("invoices").View(id);
        return JsonHttp.WriteAsync(context, status, ResourceEndpoints.Render(view, QueryParser.ParseShape(context.Request.Query)));
    }

    /// <summary>Absolute URL on this sandbox, for image-scan-url and attachment file-url.</summary>
    public static string Url(HttpContext context, string path) => $"{context.Request.Scheme}://{context.Request.Host}{path}";

    private static string? ReturnObject(HttpContext context) =>
        context.Request.Query.FirstOrDefault(p => Names.Underscore(p.Key) == "return_object").Value.LastOrDefault()?.Trim();
}
