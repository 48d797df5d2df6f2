using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/suppliers (coupa.md §8). Remit-to addresses carry their own updated-at, which can be newer than the
/// supplier's: the reason integrations import them with a nested filter in a separate job.</summary>
internal sealed class SupplierGenerator() : ResourceGenerator("suppliers", Scopes.SupplierRead, "name", "number")
{
    private static readonly string[] Categories = ["IT", "Facilities", "Professional Services", "Logistics", "Raw Materials", "Marketing"];
    private static readonly string[] ShippingTerms = ["FOB", "CIF", "DDP", "EXW", "DAP"];
    private static readonly string[] PoMethods = ["cxml", "email", "email", "prompt"];
    private static readonly string[] MatchingLevels = ["2-way", "3-way", "3-way", "3-way-direct", "none"];
    private static readonly string[] PaymentMethods = ["invoice", "invoice", "pcard", "virtual_card"];

    public CountryInfo CountryOf(long id) => SeedOf(id).Rng.Pick("country", Countries.Weighted);

    /// <summary>Unique by construction: (first word, second word, round) is a bijection of the id.</summary>
    public string BaseName(long id)
    {
        long index = id - 1;
        int firsts = Words.CompanyFirst.Length, seconds = Words.CompanySecond.Length;
        string first = Words.CompanyFirst[(int)(index * 7 % firsts)];
        string second = Words.CompanySecond[(int)(index / firsts % seconds)];
        long round = index / (firsts * seconds);
        string name = $"{first} {second} {CountryOf(id).CompanySuffix}";
        return round == 0 ? name : $"{name} {round + 1}";
    }

    public int RemitToCount(long id)
    {
        double u = SeedOf(id).Rng.Unit("remit-count");
        return u < 0.15 ? 0 : u < 0.75 ? 1 : u < 0.95 ? 2 : 3;
    }

    public override IEnumerable<KeyValuePair<string, JsonNode?>> Revise(RecordView current, int revision)
    {
        string name = $"{BaseName(current.Id)} (rev {revision})";
        yield return KeyValuePair.Create<string, JsonNode?>("name", name);
        yield return KeyValuePair.Create<string, JsonNode?>("display-name", name);
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("name", r => BaseName(r.Id));
        yield return Field("display-name", r => BaseName(r.Id));
        yield return Field("number", r => $"S-{r.Id:D6}");
        yield return Field("status", r => r.Rng.Chance("inactive", 0.08) ? "inactive" : "active");
        yield return Field("po-email", r => $"orders@{Words.Slug(BaseName(r.Id))}.example.com");
        yield return Field("po-method", r => r.Rng.Pick("po-method", PoMethods));
        yield return Field("account-number", r => $"ACC-{r.Rng.Digits("account-number", 6)}");
        yield return Field("tax-id", r => r.Rng.Chance("no-tax-id", 0.2) ? null : CountryOf(r.Id).VatPrefix is { } p ? p + r.Rng.Digits("tax", 9) : $"{r.Rng.Digits("ein1", 2)}-{r.Rng.Digits("ein2", 7)}");
        yield return Field("duns", r => r.Rng.Chance("no-duns", 0.4) ? null : r.Rng.Digits("duns", 9));
        yield return Field("invoice-matching-level", r => r.Rng.Pick("matching", MatchingLevels));
        yield return Field("on-hold", r => r.Rng.Chance("on-hold", 0.05));
        yield return Field("payment-method", r => r.Rng.Pick("payment-method", PaymentMethods));
        yield return Association("payment-term", r => Data.Stub("payment_terms", Data.PickSeeded("payment_terms", r.Rng, "payment-term"),
            "id", "code", "days-for-net-payment", "days-for-discount-payment", "discount-rate"));
        yield return Association("shipping-term", r => r.Rng.Chance("no-shipping-term", 0.5) ? null
            : new JsonObject { ["id"] = r.Rng.Int("shipping-term", 1, ShippingTerms.Length + 1), ["code"] = ShippingTerms[r.Rng.Int("shipping-term", 1, ShippingTerms.Length + 1) - 1] });
        yield return Association("tax-code", r => r.Rng.Chance("tax-code", 0.4) ? Data.Stub("tax_codes", Data.PickSeeded("tax_codes", r.Rng, "tax-code-id"), "id", "code") : null);
        yield return Association("primary-contact", r => Contact(r));
        yield return Association("primary-address", r => AddressFactory.Build(r.Rng.Sub("primary-address"), AddressFactory.SupplierAddressBase + r.Id * 10, BaseName(r.Id), CountryOf(r.Id), true));
        yield return Many("remit-to-addresses", r => RemitTo(r));
        yield return Many("account-types", r => AccountTypes(r));
        foreach (var field in Audit())
            yield return field;
        yield return Association("custom-fields", r => new JsonObject
        {
            ["cf-vendor-category"] = r.Rng.Pick("category", Categories),
            ["cf-erp-vendor-id"] = $"V{r.Id:D7}",
            ["cf-diversity-flag"] = r.Rng.Chance("diverse", 0.1),
        });
    }

    private static JsonObject Contact(Seed r)
    {
        string given = r.Rng.Pick("given", Words.GivenNames), family = r.Rng.Pick("family", Words.FamilyNames);
        return new JsonObject
        {
            ["id"] = r.Id,
            ["email"] = $"{Words.Slug(given)}.{Words.Slug(family)}@supplier{r.Id}.example.com",
            ["name-given"] = given,
            ["name-family"] = family,
        };
    }

    private JsonArray RemitTo(Seed r)
    {
        var list = new JsonArray();
        var home = CountryOf(r.Id);
        var created = CreatedAt(r.Id);
        for (int k = 0; k < RemitToCount(r.Id); k++)
        {
            var rng = r.Rng.Sub("remit-to", k);
            var country = rng.Chance("foreign", 0.1) ? rng.Pick("country", Countries.All) : home;
            var address = AddressFactory.Build(rng, AddressFactory.SupplierAddressBase + r.Id * 10 + 1 + k, $"{BaseName(r.Id)} Remit {k + 1}", country, true);
            var addressCreated = created.AddDays(k * 30);
            var addressUpdated = Timeline.Updated(addressCreated, rng, 0.3);
            address.Insert(1, "remit-to-code", $"RT-{r.Id}-{k + 1}");
            address["active"] = !rng.Chance("inactive", 0.1);
            address["vat-country"] = address["vat-number"] is null ? null : Countries.Stub(country);
            address["external-src-ref"] = $"ERP-{r.Id}-{k + 1}";
            address["external-src-name"] = "SAP";
            address["created-at"] = Ts(addressCreated);
            address["updated-at"] = Ts(addressUpdated);
            list.Add(address);
        }
        return list;
    }

    private JsonArray AccountTypes(Seed r)
    {
        var list = new JsonArray();
        long count = Data.SeededCount("account_types");
        int wanted = count == 0 ? 0 : r.Rng.Int("account-type-count", 0, 3);
        long first = count == 0 ? 0 : r.Rng.Long("account-type", 1, count + 1);
        for (int k = 0; k < Math.Min(wanted, count); k++)
            list.Add(Data.Stub("account_types", (first - 1 + k) % count + 1, "id", "name"));
        return list;
    }
}
