using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/legal_entities: one Contoso company per country (then numbered duplicates). Chart of accounts n
/// belongs to legal entity n.</summary>
internal sealed class LegalEntityGenerator() : ResourceGenerator("legal_entities", Scopes.LegalEntityRead, "name")
{
    public static CountryInfo CountryOf(long id) => Countries.All[(id - 1) % Countries.All.Length];

    public static string NameOf(long id)
    {
        var country = CountryOf(id);
        string name = $"Contoso {country.Name} {country.CompanySuffix}";
        return id <= Countries.All.Length ? name : $"{name} {(id - 1) / Countries.All.Length + 1}";
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("name", r => NameOf(r.Id));
        yield return Field("description", r => $"Contoso operating company, {CountryOf(r.Id).Name}");
        yield return Field("active", r => !r.Rng.Chance("inactive", 0.05));
        yield return Association("country", r => Countries.Stub(CountryOf(r.Id)));
        yield return Association("currency", r => Data.Stub("currencies", Data.Generator<CurrencyGenerator>().IdFor(CountryOf(r.Id).Currency), "id", "code", "decimals"));
        yield return Association("primary-address", r => AddressFactory.Build(r.Rng.Sub("address"), AddressFactory.LegalEntityAddressBase + r.Id, NameOf(r.Id), CountryOf(r.Id), true));
        yield return Field("vat-number", r => AddressFactory.Vat(r.Rng.Sub("address"), CountryOf(r.Id)));
        foreach (var field in Audit())
            yield return field;
    }
}
