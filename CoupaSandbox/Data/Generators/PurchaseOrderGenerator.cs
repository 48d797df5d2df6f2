using System.Globalization;
using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/purchase_orders. order-lines are the very purchase_order_lines records of the PO (same documents, live),
/// supplier and currency are shared with the lines, and an update works like a Coupa resend: version + 1, exported = false.</summary>
internal sealed class PurchaseOrderGenerator() : ResourceGenerator("purchase_orders", Scopes.PurchaseOrderRead, "po-number")
{
    private static readonly string[] Statuses =
    [
        .. Enumerable.Repeat("issued", 13), "closed", "closed", "closed", "cancelled", "buyer_hold", "supplier_hold", "draft",
    ];

    public long? SupplierIdOf(long id) => Data.PickSeeded("suppliers", SeedOf(id).Rng, "supplier");

    public long? CurrencyIdOf(long id) =>
        SupplierIdOf(id) is long supplier
            ? Data.Generator<CurrencyGenerator>().IdFor(Data.Generator<SupplierGenerator>().CountryOf(supplier).Currency)
            : Data.Generator<CurrencyGenerator>().IdFor("USD");

    public static string PoNumberOf(long id) => (4000 + id).ToString(CultureInfo.InvariantCulture);

    public string StatusOf(long id) => SeedOf(id).Rng.Pick("status", Statuses);

    public override IEnumerable<KeyValuePair<string, JsonNode?>> Revise(RecordView current, int revision)
    {
        long version = JsonNodes.AsLong(current.Get("version")) ?? 1;
        yield return KeyValuePair.Create<string, JsonNode?>("version", version + 1);
        yield return KeyValuePair.Create<string, JsonNode?>("exported", false);
        yield return KeyValuePair.Create<string, JsonNode?>("ship-to-attention", $"{Original(current, "ship-to-attention")} (rev {revision})");
    }

    public override void OnCreated(long id) => Data.Mutator.CreateLines(id, 1 + SeedOf(id).Rng.Int("created-lines", 0, 3));

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("po-number", r => PoNumberOf(r.Id));
        yield return Field("status", r => StatusOf(r.Id));
        yield return Field("version", r => r.Rng.Chance("resent", 0.2) ? r.Rng.Int("version", 2, 4) : 1);
        yield return Field("type", _ => "ExternalOrderHeader");
        yield return Field("exported", r => r.Rng.Chance("exported", 0.6));
        yield return Field("acknowledged-flag", r => r.Rng.Chance("acknowledged", 0.5));
        yield return Association("currency", r => Data.Stub("currencies", CurrencyIdOf(r.Id), "id", "code", "decimals"));
        yield return Association("supplier", r => Data.Stub("suppliers", SupplierIdOf(r.Id), "id", "name", "display-name", "number"));
        yield return Association("ship-to-address", r => Data.Stub("addresses", Data.PickSeeded("addresses", r.Rng, "ship-to"),
            "id", "name", "location-code", "street1", "city", "postal-code", "country"));
        yield return Field("ship-to-attention", r => $"{r.Rng.Pick("given", Words.GivenNames)} {r.Rng.Pick("family", Words.FamilyNames)}");
        yield return Association("payment-term", r => Data.Stub("payment_terms", Data.PickSeeded("payment_terms", r.Rng, "payment-term"), "id", "code"));
        yield return Field("payment-method", r => r.Rng.Chance("pcard", 0.1) ? "pcard" : "invoice");
        yield return Association("requester", r => Users.Stub(r.Rng.Int("requester", 2, Users.All.Length)));
        yield return Association("requisition-header", r => r.Rng.Chance("no-requisition", 0.15) ? null : new JsonObject { ["id"] = 9000 + r.Id });
        foreach (var field in Audit())
            yield return field;
        yield return Many("order-lines", r => new JsonArray([.. Data.PoLines.LinesOf(r.Id)
            .Where(line => Data.Store(RecordCounts.PurchaseOrderLines).Exists(line))
            .Select(line => (JsonNode?)Data.View(RecordCounts.PurchaseOrderLines, line).Build())]));
        yield return Association("custom-fields", r => new JsonObject
        {
            ["cf-project-code"] = r.Rng.Chance("project", 0.4) ? $"PRJ{r.Rng.Digits("project-code", 5)}" : null,
            ["cf-erp-po-ref"] = $"45{r.Id:D8}",
        });
    }
}
