using System.Text.Json.Nodes;
using CoupaSandbox.Data.Generators;

namespace CoupaSandbox.Data.Invoices;

/// <summary>Picks seeded records that make a valid invoice, so tests need not know how the seed laid the data out.</summary>
internal static class InvoiceReferenceFinder
{
    public static InvoiceReferences Find(SandboxData data)
    {
        var orders = data.Store("purchase_orders");
        var lines = data.Store(RecordCounts.PurchaseOrderLines);
        for (long po = 1; po <= orders.MaxId; po++)
        {
            var poLines = data.PoLines.LinesOf(po).Where(lines.Exists).Select(lines.View).ToList();
            var quantity = poLines.FirstOrDefault(l => Text(l, "type") == "OrderQuantityLine");
            var amount = poLines.FirstOrDefault(l => Text(l, "type") == "OrderAmountLine");
            var order = orders.View(po);
            if (quantity.Store is null || amount.Store is null || order.Get("supplier") is not JsonObject supplier || order.Get("currency") is not JsonObject currency)
                continue;
            long accountType = FirstActiveAccountType(data);
            return new InvoiceReferences(
                (long)supplier["id"]!, (string)supplier["number"]!, (string)supplier["name"]!, (string)currency["code"]!,
                accountType, Text(data.View("account_types", accountType), "name")!,
                Text(order, "po-number")!, quantity.Id, Text(quantity, "line-num")!, (quantity.Get("uom") as JsonObject)?["code"]?.GetValue<string>(),
                amount.Id, Text(amount, "line-num")!);
        }
        throw new InvalidOperationException("No seeded purchase order has both a quantity line and an amount line; seed more purchase_orders.");
    }

    private static long FirstActiveAccountType(SandboxData data)
    {
        var store = data.Store("account_types");
        for (long id = 1; id <= store.MaxId; id++)
        {
            if (store.View(id).Get("active") is JsonValue v && v.GetValue<bool>())
                return id;
        }
        throw new InvalidOperationException("No active account type (chart of accounts) is seeded.");
    }

    private static string? Text(RecordView view, string field) => ReferenceLookup.Text(view.Get(field));
}
