using System.Globalization;
using System.Text.Json.Nodes;
using CoupaSandbox.Data.Generators;

namespace CoupaSandbox.Data.Invoices;

/// <summary>Finds the records an invoice body points at, the ways Coupa accepts them: by id, or by natural key (supplier
/// number or name, currency code, chart-of-accounts name, payment-term code, PO number + line number). Seeded natural keys
/// follow the id ("S-000012", PO 4000 + id), so the common case is a direct hit; anything else falls back to a scan.</summary>
internal sealed class ReferenceLookup(SandboxData data)
{
    public long? Supplier(JsonObject reference)
    {
        if (IdOf(reference) is long id)
            return Exists("suppliers", id) ? id : null;
        if (Text(reference["number"]) is { } number)
        {
            long? guess = number.StartsWith("S-", StringComparison.Ordinal) && long.TryParse(number[2..], NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n : null;
            return Find("suppliers", "number", number, guess, StringComparison.Ordinal);
        }
        return Text(reference["name"]) is { } name ? Find("suppliers", "name", name, null, StringComparison.OrdinalIgnoreCase) : null;
    }

    public long? Currency(JsonObject reference)
    {
        if (IdOf(reference) is long id)
            return Exists("currencies", id) ? id : null;
        return Text(reference["code"]) is { } code ? Find("currencies", "code", code, null, StringComparison.OrdinalIgnoreCase) : null;
    }

    public long? AccountType(JsonObject reference)
    {
        if (IdOf(reference) is long id)
            return Exists("account_types", id) ? id : null;
        return Text(reference["name"]) is { } name ? Find("account_types", "name", name, null, StringComparison.OrdinalIgnoreCase) : null;
    }

    public long? PaymentTerm(JsonObject reference)
    {
        if (IdOf(reference) is long id)
            return Exists("payment_terms", id) ? id : null;
        return Text(reference["code"]) is { } code ? Find("payment_terms", "code", code, null, StringComparison.OrdinalIgnoreCase) : null;
    }

    public long? Uom(string code) => Find("uoms", "code", code, null, StringComparison.OrdinalIgnoreCase);

    public long? PurchaseOrder(string poNumber)
    {
        long? guess = long.TryParse(poNumber, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n - 4000 : null;
        return Find("purchase_orders", "po-number", poNumber, guess, StringComparison.Ordinal);
    }

    public long? OrderLine(long poId, string lineNum) =>
        data.PoLines.LinesOf(poId).Where(line => Exists(RecordCounts.PurchaseOrderLines, line))
            .Cast<long?>()
            .FirstOrDefault(line => Text(data.View(RecordCounts.PurchaseOrderLines, line!.Value).Get("line-num")) == lineNum.Trim());

    public bool OrderLineExists(long lineId) => Exists(RecordCounts.PurchaseOrderLines, lineId);

    /// <summary>A string or a number as text ("1" and 1 are the same line number); null for anything else or blank.</summary>
    public static string? Text(JsonNode? node)
    {
        if (node is not JsonValue value)
            return null;
        string? text = value.TryGetValue<string>(out var s) ? s : value.ToJsonString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    public static long? IdOf(JsonObject reference) =>
        Text(reference["id"]) is { } text && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long id) ? id : null;

    private bool Exists(string resource, long id) => data.Store(resource).Exists(id);

    private long? Find(string resource, string field, string wanted, long? guess, StringComparison comparison)
    {
        var store = data.Store(resource);
        if (guess is long g && store.Exists(g) && string.Equals(Text(store.View(g).Get(field)), wanted, comparison))
            return g;
        for (long id = 1; id <= store.MaxId; id++)
        {
            if (string.Equals(Text(store.View(id).Get(field)), wanted, comparison))
                return id;
        }
        return null;
    }
}
