namespace CoupaSandbox.Data.Catalogs;

/// <summary>A country with what generators need to make plausible local data: currency, VAT prefix and rates, the legal
/// suffix of company names, and a few cities.</summary>
internal sealed record CountryInfo(
    long Id, string Code, string Name, string Currency, string? VatPrefix, decimal StandardRate, decimal ReducedRate, string CompanySuffix, CityInfo[] Cities);
