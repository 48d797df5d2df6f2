using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/purchase_order_lines. A line is created with its PO (same created-at second) and shares the PO's supplier
/// and currency; accounting-total is converted into the chart of accounts' currency.</summary>
internal sealed class PurchaseOrderLineGenerator() : ResourceGenerator("purchase_order_lines", Scopes.PurchaseOrderRead, "order-header-number", "line-num")
{
    private static readonly string[] MatchTypes = ["3-way", "3-way", "2-way", "3-way-fifo", "direct_matching", "none"];

    private PurchaseOrderGenerator Orders => Data.Generator<PurchaseOrderGenerator>();

    private long PoOf(long id) => Data.PoLines.HeaderOf(id).Po;

    public override DateTimeOffset CreatedAt(long id) => PoOf(id) is > 0 and var po ? Orders.CreatedAt(po) : base.CreatedAt(id);

    private sealed record Pricing(bool IsAmount, decimal Price, decimal Quantity, decimal Total, long? UomId, int Precision);

    private Pricing PricingOf(Seed r)
    {
        bool isAmount = r.Rng.Chance("amount-line", 0.2);
        decimal price = r.Rng.Money("price", 5m, 2500m);
        long? uomId = isAmount ? null : Data.PickSeeded("uoms", r.Rng, "uom");
        int precision = uomId is long u ? UomGenerator.UomOf(u).Precision : 0;
        decimal quantity = isAmount ? 0m : Math.Round((decimal)(1 + r.Rng.Unit("quantity") * 20), precision == 0 ? 0 : Math.Min(precision, 2));
        if (quantity == 0m && !isAmount)
            quantity = 1m;
        return new Pricing(isAmount, price, quantity, isAmount ? price : Math.Round(price * quantity, 2), uomId, precision);
    }

    private long? AccountOf(Seed r) => Data.PickSeeded("accounts", r.Rng, "account");

    private long? AccountingCurrencyOf(Seed r) =>
        AccountOf(r) is long account && Data.Generator<AccountGenerator>().AccountTypeIdOf(account) is long chart
            ? Data.Generator<AccountTypeGenerator>().CurrencyIdOf(chart)
            : Orders.CurrencyIdOf(PoOf(r.Id));

    private decimal AccountingTotal(Seed r)
    {
        var from = Currencies.ById(Orders.CurrencyIdOf(PoOf(r.Id)) ?? 1);
        var to = Currencies.ById(AccountingCurrencyOf(r) ?? 1);
        return Math.Round(PricingOf(r).Total / from.PerUsd * to.PerUsd, 2);
    }

    private string StatusOf(Seed r) => Orders.StatusOf(PoOf(r.Id)) switch
    {
        "cancelled" => "cancelled",
        "closed" => "received",
        _ => r.Rng.Chance("partial", 0.2) ? "partially_received" : "created",
    };

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("line-num", r => Data.PoLines.HeaderOf(r.Id).LineNum.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return Field("sub-line-num", _ => null);
        yield return Field("type", r => PricingOf(r).IsAmount ? "OrderAmountLine" : "OrderQuantityLine");
        yield return Field("description", r => r.Rng.Pick("item", Words.Items));
        yield return Amount("price", r => Dec(PricingOf(r).Price));
        yield return Amount("quantity", r => PricingOf(r) is { IsAmount: false } p ? Dec(p.Quantity, Math.Max(1, p.Precision)) : null);
        yield return Amount("total", r => Dec(PricingOf(r).Total));
        yield return Amount("accounting-total", r => Dec(AccountingTotal(r)));
        yield return Amount("invoiced", r => StatusOf(r) == "received" ? Dec(PricingOf(r).Total) : "0.00");
        yield return Amount("received", r => StatusOf(r) == "received" && PricingOf(r) is { IsAmount: false } p ? Dec(p.Quantity, Math.Max(1, p.Precision)) : "0.0");
        yield return Field("status", r => StatusOf(r));
        yield return Association("uom", r => Data.Stub("uoms", PricingOf(r).UomId, "id", "code", "name", "allowable-precision"));
        yield return Association("account", r => Data.Stub("accounts", AccountOf(r), "id", "name", "code", "active", "account-type-id", "segment-1", "segment-2", "segment-3"));
        yield return Many("account-allocations", r => Allocations(r));
        yield return Association("currency", r => Data.Stub("currencies", Orders.CurrencyIdOf(PoOf(r.Id)), "id", "code"));
        yield return Association("accounting-total-currency", r => Data.Stub("currencies", AccountingCurrencyOf(r), "id", "code"));
        yield return Association("supplier", r => Data.Stub("suppliers", Orders.SupplierIdOf(PoOf(r.Id)), "id", "name", "number"));
        yield return Field("order-header-id", r => PoOf(r.Id));
        yield return Field("order-header-number", r => PurchaseOrderGenerator.PoNumberOf(PoOf(r.Id)));
        yield return Field("source-part-num", r => r.Rng.Chance("no-part", 0.3) ? null : $"SPN{r.Rng.Digits("part", 6)}");
        yield return Field("supplier-order-number", r => r.Rng.Chance("supplier-order", 0.2) ? $"SO-{r.Rng.Digits("so", 7)}" : null);
        yield return Time("need-by-date", r => Day(CreatedAt(r.Id).AddDays(r.Rng.Int("need-by", 7, 60))));
        yield return Field("match-type", r => r.Rng.Pick("match", MatchTypes));
        yield return Field("receipt-required", r => !PricingOf(r).IsAmount && r.Rng.Chance("receipt", 0.7));
        yield return Field("version", r => PoOf(r.Id) > 0 ? Data.View("purchase_orders", PoOf(r.Id)).Get("version") : 1);
        foreach (var field in Audit())
            yield return field;
        yield return Association("custom-fields", r => new JsonObject { ["cf-asset-tag"] = r.Rng.Chance("asset", 0.15) ? $"AT-{r.Rng.Digits("asset-tag", 6)}" : null });
    }

    /// <summary>Most lines charge one account; some split 60/40 over two.</summary>
    private JsonArray Allocations(Seed r)
    {
        if (!r.Rng.Chance("split", 0.15) || Data.SeededCount("accounts") == 0)
            return [];
        decimal total = PricingOf(r).Total, first = Math.Round(total * 0.6m, 2);
        return
        [
            new JsonObject { ["id"] = r.Id * 2, ["amount"] = Dec(first), ["pct"] = "60.0", ["account"] = Data.Stub("accounts", AccountOf(r), "id", "code", "name") },
            new JsonObject { ["id"] = r.Id * 2 + 1, ["amount"] = Dec(total - first), ["pct"] = "40.0",
                ["account"] = Data.Stub("accounts", Data.PickSeeded("accounts", r.Rng, "second-account"), "id", "code", "name") },
        ];
    }
}
