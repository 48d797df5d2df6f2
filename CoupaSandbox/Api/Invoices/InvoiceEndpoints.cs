using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data;
using CoupaSandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Invoice writes (coupa.md §7): create a draft, submit it. Queries and show stay with the generic
/// <see cref="ResourceEndpoints"/>, which serve posted invoices next to the seeded ones. These routes sit under /api, so
/// the rate limit, auth, faults and request log apply to them like to every read.</summary>
internal static class InvoiceEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/invoices", (RequestDelegate)CreateAsync);
        app.MapPut("/api/invoices/{id}/submit", (RequestDelegate)SubmitAsync);
        InvoiceFileEndpoints.Map(app);
    }

    private static async Task CreateAsync(HttpContext context)
    {
        if (!await ResourceAccess.RequireAnyScopeAsync(context, Scopes.InvoiceCreate, Scopes.InvoiceWrite))
            return;
        var body = await InvoiceJson.ReadObjectAsync(context);
        if (body is null)
            return;
        var data = context.Sandbox().Data;
        var errors = new InvoiceErrors();
        var draft = InvoiceValidator.Validate(body, data, errors);
        if (draft is null)
        {
            await JsonHttp.WriteAsync(context, StatusCodes.Status400BadRequest, errors.HasFlat ? errors.FlatJson() : errors.NestedJson());
            return;
        }
        if (InvoiceWriter.Insert(data, draft) is not long id)
        {
            await JsonHttp.WriteAsync(context, StatusCodes.Status400BadRequest, InvoiceErrors.Flat("invoice", InvoiceWriter.DuplicateMessage));
            return;
        }
        if (AfterCommit.DropIfInjected(context))
            return;
        await InvoiceRoute.WriteInvoiceAsync(context, StatusCodes.Status201Created, id);
    }

    /// <summary>draft → pending_approval, or pending_receipt when a line bills a 3-way-matched PO line that requires a receipt
    /// (Coupa holds those until goods are received). Anything but a draft is refused.</summary>
    private static async Task SubmitAsync(HttpContext context)
    {
        if (await InvoiceRoute.ResolveAsync(context, Scopes.InvoiceWrite, Scopes.InvoiceCreate) is not long id)
            return;
        var data = context.Sandbox().Data;
        var store = data.Store("invoices");
        string? refused = null;
        lock (store.WriteLock) // status check and change together, so two submits cannot both succeed
        {
            var view = store.View(id);
            string status = Data.Invoices.ReferenceLookup.Text(view.Get("status")) ?? "";
            if (status != "draft")
                refused = $"Invoice cannot be submitted in status '{status}'; only draft invoices can be submitted";
            else
                data.Mutator.SetFields(store, id, [KeyValuePair.Create<string, JsonNode?>("status", NeedsReceipt(data, view) ? "pending_receipt" : "pending_approval")]);
        }
        if (refused is not null)
        {
            await JsonHttp.WriteAsync(context, StatusCodes.Status400BadRequest, InvoiceErrors.Flat("invoice", refused));
            return;
        }
        if (AfterCommit.DropIfInjected(context))
            return;
        await InvoiceRoute.WriteInvoiceAsync(context, StatusCodes.Status200OK, id);
    }

    private static bool NeedsReceipt(SandboxData data, RecordView invoice)
    {
        var lines = data.Store(RecordCounts.PurchaseOrderLines);
        foreach (var line in (invoice.Get("invoice-lines") as JsonArray ?? []).OfType<JsonObject>())
        {
            if (Data.Invoices.ReferenceLookup.Text(line["order-line-id"]) is not { } text || !long.TryParse(text, out long lineId) || !lines.Exists(lineId))
                continue;
            var orderLine = lines.View(lineId);
            bool threeWay = Data.Invoices.ReferenceLookup.Text(orderLine.Get("match-type"))?.StartsWith("3-way", StringComparison.Ordinal) == true;
            if (threeWay && InvoiceJson.Bool(orderLine.Get("receipt-required")) == true)
                return true;
        }
        return false;
    }
}
