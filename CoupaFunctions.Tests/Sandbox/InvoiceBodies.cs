using System.Text.Json.Nodes;
using CoupaSandbox;

// Not ".Sandbox": a namespace of that name would hide the Infrastructure.Sandbox type from every test file.
namespace CoupaFunctions.Tests.SandboxEndpoints;

/// <summary>Draft invoice bodies as an exporter sends them (hyphenated keys, decimals as strings, coupa.md §7), built
/// from the sandbox's own valid references.</summary>
internal static class InvoiceBodies
{
    public static JsonObject Draft(InvoiceReferences refs, string number) => new()
    {
        ["invoice-number"] = number,
        ["invoice-date"] = "2024-01-15",
        ["supplier"] = new JsonObject { ["number"] = refs.SupplierNumber },
        ["currency"] = new JsonObject { ["code"] = refs.CurrencyCode },
        ["account-type"] = new JsonObject { ["name"] = refs.AccountTypeName },
        ["line-level-taxation"] = true,
        ["document-type"] = "Invoice",
        ["taggings"] = new JsonArray(new JsonObject { ["tag"] = new JsonObject { ["name"] = "rossum_draft" } }),
        ["invoice-lines"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "InvoiceQuantityLine", ["line-num"] = 1, ["description"] = "Widget", ["price"] = "50.00", ["quantity"] = "2",
                ["po-number"] = refs.PoNumber, ["order-line-num"] = refs.QuantityLineNum,
                ["tax-lines"] = new JsonArray(new JsonObject { ["amount"] = "19.00", ["rate"] = 19 }),
            },
            new JsonObject
            {
                ["type"] = "InvoiceAmountLine", ["line-num"] = 2, ["description"] = "Service fee", ["price"] = "25.50",
                ["order-line-id"] = refs.AmountLineId,
            }),
    };

    public static JsonObject CreditNote(InvoiceReferences refs, string number)
    {
        var body = Draft(refs, number);
        body["document-type"] = "Credit Note";
        body["is-credit-note"] = true;
        body["invoice-lines"] = new JsonArray(new JsonObject { ["type"] = "InvoiceAmountLine", ["description"] = "Refund", ["price"] = "-25.50" });
        return body;
    }
}
