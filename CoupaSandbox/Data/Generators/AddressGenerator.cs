using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/addresses: the company's own (ship-to / bill-to) addresses. Their tax registrations are the
/// tax_registrations records whose owner is this address, so both sides agree.</summary>
internal sealed class AddressGenerator() : ResourceGenerator("addresses", Scopes.CommonRead, "location-code")
{
    private static readonly string[] Kinds = ["HQ", "Warehouse", "Office", "Plant", "Distribution Center", "Lab"];

    public CountryInfo CountryOf(long id) => SeedOf(id).Rng.Pick("country", Countries.Weighted);

    public string NameOf(long id)
    {
        var rng = SeedOf(id).Rng;
        return $"{rng.Pick("kind", Kinds)} {id} - {AddressFactory.City(rng.Sub("address"), CountryOf(id)).City}";
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("name", r => NameOf(r.Id));
        yield return Field("location-code", r => $"LOC-{r.Id:D4}");
        foreach (var part in new[] { "street1", "street2", "street3", "street4", "city", "state" })
            yield return Field(part, r => Base(r)[part]?.DeepClone());
        yield return Field("state-iso-code", r => AddressFactory.City(r.Rng.Sub("address"), CountryOf(r.Id)).StateIso);
        yield return Field("postal-code", r => Base(r)["postal-code"]?.DeepClone());
        yield return Field("attention", r => r.Rng.Chance("attention", 0.4) ? $"Receiving Dock {r.Rng.Int("dock", 1, 9)}" : null);
        yield return Field("active", r => !r.Rng.Chance("inactive", 0.07));
        yield return Field("business-group-name", r => r.Rng.Chance("group", 0.3) ? "Everyone" : null);
        yield return Field("vat-number", r => AddressFactory.Vat(r.Rng.Sub("address"), CountryOf(r.Id)));
        yield return Field("local-tax-number", _ => null);
        yield return Field("type", r => r.Rng.Chance("bill-to", 0.2) ? "BillToAddress" : "ShipToAddress");
        yield return Association("country", r => Countries.Stub(CountryOf(r.Id)));
        yield return Association("vat-country", r => CountryOf(r.Id).VatPrefix is null ? null : Countries.Stub(CountryOf(r.Id)));
        yield return Many("purposes", r => r.Rng.Chance("bill-to", 0.2)
            ? new JsonArray(new JsonObject { ["id"] = 2, ["name"] = "bill_to" })
            : new JsonArray(new JsonObject { ["id"] = 1, ["name"] = "ship_to" }));
        yield return Many("tax-registrations", r => new JsonArray([.. TaxRegistrationGenerator.OwnedByAddress(r.Id, SeededCount, Data.SeededCount("tax_registrations"))
            .Select(id => (JsonNode?)Data.Stub("tax_registrations", id, "id", "number"))]));
        foreach (var field in Audit())
            yield return field;
    }

    private JsonObject Base(Seed r) => AddressFactory.Build(r.Rng.Sub("address"), r.Id, NameOf(r.Id), CountryOf(r.Id), false);
}
