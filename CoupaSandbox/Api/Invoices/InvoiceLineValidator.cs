using System.Text.Json.Nodes;
using CoupaSandbox.Data;
using CoupaSandbox.Data.Invoices;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Validates one invoice line (nested error shape): description, type, amounts, tax lines and the PO line it
/// invoices. Coupa's cXML rejects a line whose type differs from its order line's; the REST API is assumed to do the same
/// (coupa.md §7), so an InvoiceQuantityLine may only bill an OrderQuantityLine and an InvoiceAmountLine an OrderAmountLine.</summary>
internal static class InvoiceLineValidator
{
    public const string TypeMismatch = "order line must be the same type as invoice line";

    public static InvoiceLineDraft? Validate(JsonObject line, int index, SandboxData data, InvoiceErrors errors)
    {
        bool ok = true;
        void Fail(string message, string key = InvoiceErrors.Lines)
        {
            errors.AddNested(key, message);
            ok = false;
        }

        string? description = ReferenceLookup.Text(line["description"]);
        if (description is null)
            Fail("Description can't be blank");
        else if (description.Length > 1550)
            Fail("Description is too long (maximum is 1550 characters)");

        decimal? quantity = DecimalText.Read(line["quantity"]);
        string type = ReferenceLookup.Text(line["type"]) ?? (quantity is null ? "InvoiceAmountLine" : "InvoiceQuantityLine");
        if (type is not ("InvoiceQuantityLine" or "InvoiceAmountLine"))
            Fail($"Type '{type}' is not included in the list (InvoiceQuantityLine, InvoiceAmountLine)");
        bool isAmount = type == "InvoiceAmountLine";

        // Amount lines carry their total as the price (coupa.md §7); a total alone is accepted too.
        decimal? price = DecimalText.Read(line["price"]) ?? (isAmount ? DecimalText.Read(line["total"]) : null);
        if (price is null)
            Fail("Price can't be blank");
        if (!isAmount && quantity is null)
            Fail("Quantity can't be blank");
        decimal total = Math.Round(isAmount ? price ?? 0m : (price ?? 0m) * (quantity ?? 0m), 2);

        var (taxLines, taxAmount) = TaxLines(line["tax-lines"], Fail);
        var (orderLineId, poNumber, orderLineNum) = OrderLine(line, data, Fail);
        if (orderLineId is long resolved && ReferenceLookup.Text(data.View(RecordCounts.PurchaseOrderLines, resolved).Get("type")) is { } orderType
            && orderType != (isAmount ? "OrderAmountLine" : "OrderQuantityLine"))
        {
            Fail(TypeMismatch);
        }

        JsonObject? uom = null;
        if (line["uom"] is JsonObject uomRef && ReferenceLookup.Text(uomRef["code"]) is { } code)
            uom = data.References.Uom(code) is long uomId ? data.Stub("uoms", uomId, "id", "code", "name") : new JsonObject { ["code"] = code };

        if (!ok)
            return null;
        int lineNum = ReferenceLookup.Text(line["line-num"]) is { } n && int.TryParse(n, out int parsed) ? parsed : index + 1;
        return new InvoiceLineDraft(lineNum, type, description!, price!.Value, isAmount ? null : quantity, total, uom,
            line["account"]?.DeepClone(), orderLineId, poNumber, orderLineNum, taxLines, taxAmount, line);
    }

    /// <summary>The PO line a line bills: order-line-id, or po-number / order-header-num plus order-line-num.</summary>
    private static (long? OrderLineId, string? PoNumber, string? OrderLineNum) OrderLine(JsonObject line, SandboxData data, Action<string, string> fail)
    {
        string? poNumber = ReferenceLookup.Text(line["po-number"]) ?? ReferenceLookup.Text(line["order-header-num"]);
        string? lineNum = ReferenceLookup.Text(line["order-line-num"]);
        if (ReferenceLookup.Text(line["order-line-id"]) is { } idText)
        {
            if (!long.TryParse(idText, out long id) || !data.References.OrderLineExists(id))
            {
                fail($"Order line with id {idText} not found", InvoiceErrors.Lines);
                return (null, poNumber, lineNum);
            }
            var orderLine = data.View(RecordCounts.PurchaseOrderLines, id);
            return (id, poNumber ?? ReferenceLookup.Text(orderLine.Get("order-header-number")), lineNum ?? ReferenceLookup.Text(orderLine.Get("line-num")));
        }
        if (poNumber is null)
        {
            if (lineNum is not null)
                fail("Order line num needs po-number or order-header-num", InvoiceErrors.Lines);
            return (null, null, lineNum);
        }
        if (data.References.PurchaseOrder(poNumber) is not long po)
        {
            fail($"Purchase order {poNumber} not found", InvoiceErrors.Lines);
            return (null, poNumber, lineNum);
        }
        if (lineNum is null)
            return (null, poNumber, null);
        if (data.References.OrderLine(po, lineNum) is not long found)
        {
            fail($"Order line {lineNum} not found on purchase order {poNumber}", InvoiceErrors.Lines);
            return (null, poNumber, lineNum);
        }
        return (found, poNumber, lineNum);
    }

    /// <summary>tax-lines as an array (canonical) or the older XML-like object <c>{"tax-line": {…}}</c> (coupa.md §7).</summary>
    private static (JsonArray Lines, decimal Amount) TaxLines(JsonNode? node, Action<string, string> fail)
    {
        IEnumerable<JsonNode?> items = node switch
        {
            JsonArray array => array,
            JsonObject obj when obj["tax-line"] is JsonArray inner => inner,
            JsonObject obj when obj["tax-line"] is JsonObject single => [single],
            JsonObject obj => [obj],
            _ => [],
        };
        var result = new JsonArray();
        decimal sum = 0m;
        foreach (var item in items)
        {
            if (item is not JsonObject tax)
                continue;
            decimal? amount = DecimalText.Read(tax["amount"]);
            if (tax["amount"] is not null && amount is null)
                fail("Amount is not a number", InvoiceErrors.TaxLines);
            sum += amount ?? 0m;
            result.Add(new JsonObject
            {
                ["amount"] = amount is decimal a ? DecimalText.Money(a) : null,
                ["rate"] = DecimalText.Read(tax["rate"]) is decimal r ? (double)r : null,
                ["code"] = tax["code"]?.DeepClone(),
                ["tax-code"] = tax["tax-code"]?.DeepClone(),
            });
        }
        return (result, sum);
    }
}
