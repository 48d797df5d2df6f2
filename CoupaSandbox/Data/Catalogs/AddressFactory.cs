using System.Globalization;
using System.Text.Json.Nodes;

namespace CoupaSandbox.Data.Catalogs;

/// <summary>Builds the address shape Coupa embeds (primary-address, remit-to, ship-to), with a postal code and VAT number
/// that look right for the country.</summary>
internal static class AddressFactory
{
    /// <summary>Coupa keeps every address in one table, so embedded addresses get ids outside the /api/addresses range
    /// (1..N) and outside each other's: supplier addresses, chart-of-accounts addresses, legal-entity addresses.</summary>
    public const long SupplierAddressBase = 10_000_000;
    public const long AccountTypeAddressBase = 900_000_000;
    public const long LegalEntityAddressBase = 950_000_000;

    public static JsonObject Build(RecordRng rng, long id, string name, CountryInfo country, bool withVat)
    {
        var city = rng.Pick("city", country.Cities);
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["street1"] = Street(rng),
            ["street2"] = rng.Chance("street2", 0.3) ? $"Suite {rng.Int("suite", 100, 999)}" : null,
            ["street3"] = null,
            ["street4"] = null,
            ["city"] = city.City,
            ["state"] = city.State,
            ["postal-code"] = rng.Pattern("postal", city.PostalPattern),
            ["vat-number"] = withVat ? Vat(rng, country) : null,
            ["local-tax-number"] = null,
            ["country"] = Countries.Stub(country),
        };
    }

    public static string Street(RecordRng rng) =>
        $"{rng.Int("house", 1, 999).ToString(CultureInfo.InvariantCulture)} {rng.Pick("street", Words.Streets)}";

    public static CityInfo City(RecordRng rng, CountryInfo country) => rng.Pick("city", country.Cities);

    public static string? Vat(RecordRng rng, CountryInfo country) =>
        country.VatPrefix is null ? null : country.VatPrefix + rng.Digits("vat", 9);
}
