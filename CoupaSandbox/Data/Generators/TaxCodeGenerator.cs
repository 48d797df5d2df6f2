using System.Globalization;
using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/tax_codes: standard, reduced and zero rates per country (codes like "DE-VAT19"); past the catalog,
/// numbered variants keep codes unique.</summary>
internal sealed class TaxCodeGenerator() : ResourceGenerator("tax_codes", Scopes.CommonRead, "code")
{
    private sealed record Code(CountryInfo Country, string Name, string Description, decimal Percentage);

    private static readonly Code[] Catalog = [.. Countries.All.SelectMany(Variants)];

    private static IEnumerable<Code> Variants(CountryInfo c)
    {
        if (c.VatPrefix is null)
        {
            yield return new Code(c, $"{c.Code}-EXEMPT", "Sales tax exempt", 0m);
            yield return new Code(c, $"{c.Code}-SALES-8.25", "Sales tax 8.25%", 8.25m);
            yield break;
        }
        string rate = c.StandardRate.ToString(CultureInfo.InvariantCulture);
        yield return new Code(c, $"{c.Code}-VAT{rate}", $"Standard {rate}%", c.StandardRate);
        if (c.ReducedRate > 0)
            yield return new Code(c, $"{c.Code}-VAT{c.ReducedRate.ToString(CultureInfo.InvariantCulture)}", $"Reduced {c.ReducedRate.ToString(CultureInfo.InvariantCulture)}%", c.ReducedRate);
        yield return new Code(c, $"{c.Code}-RC", "Reverse charge 0%", 0m);
    }

    private static Code CodeOf(long id)
    {
        var entry = Catalog[(id - 1) % Catalog.Length];
        return id <= Catalog.Length ? entry : entry with { Name = $"{entry.Name}-{id}" };
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("code", r => CodeOf(r.Id).Name);
        yield return Field("description", r => CodeOf(r.Id).Description);
        yield return Field("percentage", r => (double)CodeOf(r.Id).Percentage);
        yield return Field("active", r => !r.Rng.Chance("inactive", 0.08));
        yield return Time("effective-date", _ => Day(Timeline.SeedStart));
        yield return Association("country", r => Countries.Stub(CodeOf(r.Id).Country));
        yield return Association("tax-rate", r => new JsonObject
        {
            ["id"] = r.Id,
            ["percentage"] = (double)CodeOf(r.Id).Percentage,
            ["effective-date"] = Day(Timeline.SeedStart),
            ["active"] = true,
        });
        foreach (var field in Audit())
            yield return field;
    }
}
