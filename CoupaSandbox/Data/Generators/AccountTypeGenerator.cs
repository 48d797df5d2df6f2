using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/account_types (charts of accounts). Chart n belongs to legal entity n and uses its country's currency.</summary>
internal sealed class AccountTypeGenerator() : ResourceGenerator("account_types", Scopes.AccountingRead, "name")
{
    public static CountryInfo CountryOf(long id) => LegalEntityGenerator.CountryOf(id);

    public static string NameOf(long id)
    {
        string name = $"{CountryOf(id).Name} COA";
        return id <= Countries.All.Length ? name : $"{name} {(id - 1) / Countries.All.Length + 1}";
    }

    public static string CompanyCode(long id) => $"{CountryOf(id).Code}{(id - 1) / Countries.All.Length + 1:D2}";

    public long? CurrencyIdOf(long id) => Data.Generator<CurrencyGenerator>().IdFor(CountryOf(id).Currency);

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("name", r => NameOf(r.Id));
        yield return Field("active", r => r.Id == 1 || !r.Rng.Chance("inactive", 0.1));
        yield return Field("legal-entity-name", r => r.Id <= Data.SeededCount("legal_entities") ? Data.View("legal_entities", r.Id).Get("name") : null);
        yield return Field("dynamic-flag", r => r.Rng.Chance("dynamic", 0.15));
        yield return Association("currency", r => Data.Stub("currencies", CurrencyIdOf(r.Id), "id", "code", "decimals"));
        yield return Association("primary-contact", r => r.Rng.Chance("no-contact", 0.3) ? null : Users.Stub(r.Rng.Int("contact", 0, Users.All.Length)));
        yield return Association("primary-address", r =>
        {
            var address = AddressFactory.Build(r.Rng.Sub("address"), AddressFactory.AccountTypeAddressBase + r.Id, NameOf(r.Id), CountryOf(r.Id), true);
            address["vat-country"] = CountryOf(r.Id).VatPrefix is null ? null : Countries.Stub(CountryOf(r.Id));
            return address;
        });
        foreach (var field in Audit())
            yield return field;
        yield return Association("custom-fields", r => new JsonObject { ["cf-erp-company-code"] = CompanyCode(r.Id) });
    }
}
