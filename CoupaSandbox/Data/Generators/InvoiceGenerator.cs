using System.Text.Json.Nodes;
using CoupaSandbox.Auth;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/invoices, read-only seeded history for duplicate checks and lookups. Half are PO-backed: their lines
/// copy the PO lines (order-line-id, po-number, price) and the supplier is the PO's. Credit notes have negative totals.
/// Invoices posted through the API (Api/Invoices) are stored as whole documents next to these.</summary>
internal sealed class InvoiceGenerator() : ResourceGenerator("invoices", Scopes.InvoiceRead, "invoice-number")
{
    private static readonly string[] Statuses =
        ["approved", "approved", "approved", "approved", "pending_approval", "pending_receipt", "draft", "voided", "disputed", "ap_hold"];

    private PurchaseOrderGenerator Orders => Data.Generator<PurchaseOrderGenerator>();

    private long? OrderOf(Seed r) => r.Rng.Chance("po-backed", 0.5) ? Data.PickSeeded("purchase_orders", r.Rng, "po") : null;

    private long? SupplierOf(Seed r) => OrderOf(r) is long po ? Orders.SupplierIdOf(po) : Data.PickSeeded("suppliers", r.Rng, "supplier");

    private bool IsCredit(Seed r) => r.Rng.Chance("credit-note", 0.08);

    private JsonArray Lines(Seed r)
    {
        var lines = new JsonArray();
        var poLines = OrderOf(r) is long po ? Data.PoLines.LinesOf(po).Take(4).ToList() : [];
        int count = poLines.Count > 0 ? poLines.Count : r.Rng.Int("line-count", 1, 4);
        decimal sign = IsCredit(r) ? -1m : 1m;
        for (int k = 0; k < count; k++)
        {
            var rng = r.Rng.Sub("line", k);
            var poLine = k < poLines.Count ? Data.View(RecordCounts.PurchaseOrderLines, poLines[k]) : (RecordView?)null;
            decimal price = poLine is { } pl ? decimal.Parse(JsonNodes.AsString(pl.Get("price")) ?? "0", System.Globalization.CultureInfo.InvariantCulture) : rng.Money("price", 10m, 3000m);
            decimal quantity = poLine is { } q && JsonNodes.AsString(q.Get("quantity")) is { } text
                ? decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : poLine is null ? rng.Int("quantity", 1, 10) : 0m;
            bool amountLine = quantity == 0m;
            decimal total = sign * Math.Round(amountLine ? price : price * quantity, 2);
            decimal rate = rng.Chance("zero-tax", 0.2) ? 0m : 19m;
            lines.Add(new JsonObject
            {
                ["id"] = r.Id * 8 + k,
                ["line-num"] = k + 1,
                ["type"] = amountLine ? "InvoiceAmountLine" : "InvoiceQuantityLine",
                ["description"] = poLine?.Get("description") ?? rng.Pick("item", Catalogs.Words.Items),
                ["price"] = Dec(amountLine ? total : sign * price),
                ["quantity"] = amountLine ? null : Dec(quantity, 1),
                ["total"] = Dec(total),
                ["uom"] = poLine?.Get("uom") is JsonObject uom ? new JsonObject { ["code"] = uom["code"]?.DeepClone() } : null,
                ["account"] = poLine?.Get("account") is JsonObject account
                    ? new JsonObject { ["id"] = account["id"]?.DeepClone(), ["code"] = account["code"]?.DeepClone() }
                    : Data.Stub("accounts", Data.PickSeeded("accounts", rng, "account"), "id", "code"),
                ["order-line-id"] = poLine?.Id,
                ["po-number"] = OrderOf(r) is long po2 && poLine is not null ? PurchaseOrderGenerator.PoNumberOf(po2) : null,
                ["tax-lines"] = new JsonArray(new JsonObject { ["id"] = r.Id * 8 + k, ["amount"] = Dec(Math.Round(total * rate / 100m, 2)), ["rate"] = (double)rate }),
            });
        }
        return lines;
    }

    private (decimal Net, decimal Tax) Totals(Seed r)
    {
        decimal net = 0m, tax = 0m;
        foreach (var line in Lines(r).OfType<JsonObject>())
        {
            net += decimal.Parse(JsonNodes.AsString(line["total"]) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
            tax += decimal.Parse(JsonNodes.AsString(line["tax-lines"]![0]!["amount"]) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        }
        return (net, tax);
    }

    public override IEnumerable<KeyValuePair<string, JsonNode?>> Revise(RecordView current, int revision)
    {
        yield return KeyValuePair.Create<string, JsonNode?>("comments", $"Reviewed by AP (rev {revision})");
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("invoice-number", r => $"INV-{CreatedAt(r.Id).Year}-{r.Id:D6}");
        yield return Time("invoice-date", r => Day(CreatedAt(r.Id).AddDays(-r.Rng.Int("invoice-age", 0, 10))));
        yield return Field("status", r => IsCredit(r) && r.Rng.Chance("credit-draft", 0.5) ? "draft" : r.Rng.Pick("status", Statuses));
        yield return Field("document-type", r => IsCredit(r) ? "Credit Note" : "Invoice");
        yield return Field("comments", _ => null);
        yield return Association("supplier", r => Data.Stub("suppliers", SupplierOf(r), "id", "name", "number"));
        yield return Association("currency", r => Data.Stub("currencies", OrderOf(r) is long po ? Orders.CurrencyIdOf(po) : Data.Generator<CurrencyGenerator>().IdFor("USD"), "id", "code"));
        yield return Association("account-type", r => Data.Stub("account_types", Data.PickSeeded("account_types", r.Rng, "account-type"), "id", "name"));
        yield return Association("payment-term", r => Data.Stub("payment_terms", Data.PickSeeded("payment_terms", r.Rng, "payment-term"), "id", "code"));
        yield return Association("remit-to-address", r => SupplierOf(r) is long s && Data.View("suppliers", s).Get("remit-to-addresses") is JsonArray { Count: > 0 } list
            ? new JsonObject { ["id"] = list[0]!["id"]?.DeepClone(), ["remit-to-code"] = list[0]!["remit-to-code"]?.DeepClone() }
            : null);
        yield return Field("line-level-taxation", _ => true);
        yield return Amount("gross-total", r => Dec(Totals(r).Net + Totals(r).Tax));
        yield return Amount("total-with-taxes", r => Dec(Totals(r).Net + Totals(r).Tax));
        yield return Amount("tax-amount", r => Dec(Totals(r).Tax));
        yield return Field("exported", r => r.Rng.Chance("exported", 0.5));
        yield return Many("invoice-lines", Lines);
        foreach (var field in Audit())
            yield return field;
        yield return Association("custom-fields", r => new JsonObject { ["cf-erp-invoice-number"] = r.Rng.Chance("erp", 0.5) ? $"5100{r.Rng.Digits("erp-no", 6)}" : null });
    }
}
