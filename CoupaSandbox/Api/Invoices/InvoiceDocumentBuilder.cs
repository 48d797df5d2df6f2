using System.Text.Json.Nodes;
using CoupaSandbox.Data;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Turns a validated draft into the stored invoice document: the same attributes, order and formats as the seeded
/// invoices (so queries, fields and return_object treat both alike), plus what only posted invoices have (original invoice
/// of a credit note, taggings, charges, the image-scan attributes).</summary>
internal static class InvoiceDocumentBuilder
{
    public static JsonObject Build(InvoiceDraft draft, long id, DateTimeOffset now, SandboxData data)
    {
        string ts = data.Clock.Format(now);
        var body = draft.Body;
        decimal charges = (body["invoice-charges"] as JsonArray ?? []).OfType<JsonObject>().Sum(c => DecimalText.Read(c["total"]) ?? 0m);
        decimal net = draft.Lines.Sum(l => l.Total) + charges;
        decimal tax = draft.LineLevelTaxation ? draft.Lines.Sum(l => l.TaxAmount) : DecimalText.Read(body["tax-amount"]) ?? 0m;
        return new JsonObject
        {
            ["id"] = id,
            ["created-at"] = ts,
            ["updated-at"] = ts,
            ["invoice-number"] = draft.InvoiceNumber,
            ["invoice-date"] = Day(draft.InvoiceDate, data),
            ["status"] = "draft",
            ["document-type"] = draft.IsCreditNote ? "Credit Note" : "Invoice",
            ["comments"] = body["comments"]?.DeepClone(),
            ["supplier"] = data.Stub("suppliers", draft.SupplierId, "id", "name", "number"),
            ["currency"] = data.Stub("currencies", draft.CurrencyId, "id", "code"),
            ["account-type"] = data.Stub("account_types", draft.AccountTypeId, "id", "name"),
            ["payment-term"] = data.Stub("payment_terms", draft.PaymentTermId, "id", "code"),
            ["remit-to-address"] = body["remit-to-address"]?.DeepClone(),
            ["line-level-taxation"] = draft.LineLevelTaxation,
            ["gross-total"] = DecimalText.Money(net + tax),
            ["total-with-taxes"] = DecimalText.Money(net + tax),
            ["tax-amount"] = DecimalText.Money(tax),
            ["exported"] = false,
            ["invoice-lines"] = new JsonArray([.. draft.Lines.Select(l => (JsonNode?)Line(l, data))]),
            ["created-by"] = Users.Stub(1), // the integration user, as for every API-created record
            ["updated-by"] = Users.Stub(1),
            ["custom-fields"] = body["custom-fields"] is JsonObject custom ? custom.DeepClone() : new JsonObject(),
            ["original-invoice-number"] = draft.OriginalInvoiceNumber,
            ["original-invoice-date"] = draft.OriginalInvoiceDate is DateOnly original ? Day(original, data) : null,
            ["supplier-total"] = DecimalText.Read(body["supplier-total"]) is decimal supplierTotal ? DecimalText.Money(supplierTotal) : null,
            ["invoice-charges"] = body["invoice-charges"] is JsonArray list ? list.DeepClone() : new JsonArray(),
            ["taggings"] = body["taggings"] is JsonArray taggings ? taggings.DeepClone() : new JsonArray(),
            ["ship-to-address"] = body["ship-to-address"]?.DeepClone(),
            ["bill-to-address"] = body["bill-to-address"]?.DeepClone(),
            ["contract"] = body["contract"]?.DeepClone(),
            ["requester-email"] = body["requester-email"]?.DeepClone(),
            ["image-scan"] = null,
            ["image-scan-file-name"] = null,
            ["image-scan-content-type"] = null,
            ["image-scan-file-size"] = null,
            ["image-scan-url"] = null,
        };
    }

    private static JsonObject Line(InvoiceLineDraft line, SandboxData data)
    {
        long lineId = data.InvoiceBook.NextLineId();
        var taxLines = new JsonArray();
        foreach (var tax in line.TaxLines.OfType<JsonObject>())
        {
            var copy = (JsonObject)tax.DeepClone();
            copy.Insert(0, "id", data.InvoiceBook.NextLineId());
            taxLines.Add(copy);
        }
        return new JsonObject
        {
            ["id"] = lineId,
            ["line-num"] = line.LineNum,
            ["type"] = line.Type,
            ["description"] = line.Description,
            ["price"] = DecimalText.Money(line.Price),
            ["quantity"] = line.Quantity is decimal q ? DecimalText.Quantity(q) : null,
            ["total"] = DecimalText.Money(line.Total),
            ["uom"] = line.Uom?.DeepClone(),
            ["account"] = line.Account?.DeepClone(),
            ["order-line-id"] = line.OrderLineId,
            ["po-number"] = line.PoNumber,
            ["order-line-num"] = line.OrderLineNum,
            ["tax-lines"] = taxLines,
        };
    }

    /// <summary>Date-only attributes render as local midnight in the instance offset, like the seeded invoice-date.</summary>
    private static string Day(DateOnly day, SandboxData data) =>
        data.Clock.Format(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), data.Clock.Offset));
}
