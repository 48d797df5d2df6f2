using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/tax_registrations. Every fourth registration belongs to a company address (owner-type Address), the
/// rest to suppliers; the country is always the owner's country.</summary>
internal sealed class TaxRegistrationGenerator() : ResourceGenerator("tax_registrations", Scopes.InvoiceRead, "number")
{
    private (string Type, long? Id) OwnerOf(Seed r)
    {
        long addresses = Data.SeededCount("addresses");
        if (r.Id % 4 == 0 && addresses > 0)
            return ("Address", (r.Id / 4 - 1) % addresses + 1);
        return ("Supplier", Data.PickSeeded("suppliers", r.Rng, "supplier"));
    }

    /// <summary>Inverse of <see cref="OwnerOf"/> for the Address side.</summary>
    public static IEnumerable<long> OwnedByAddress(long addressId, long addresses, long registrations)
    {
        for (long id = 4 * addressId; addresses > 0 && id <= registrations; id += 4 * addresses)
            yield return id;
    }

    private CountryInfo CountryOf(Seed r) => OwnerOf(r) switch
    {
        ("Address", long id) => Data.Generator<AddressGenerator>().CountryOf(id),
        (_, long id) => Data.Generator<SupplierGenerator>().CountryOf(id),
        _ => Countries.All[0],
    };

    /// <summary>Registrations have no free text; the visible change is the active flag flipping.</summary>
    public override IEnumerable<KeyValuePair<string, System.Text.Json.Nodes.JsonNode?>> Revise(RecordView current, int revision)
    {
        bool active = current.Get("active")?.GetValue<bool>() ?? true;
        yield return KeyValuePair.Create<string, System.Text.Json.Nodes.JsonNode?>("active", !active);
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("number", r => (CountryOf(r).VatPrefix ?? "US") + r.Rng.Digits("number", 9) + (r.Id % 1000).ToString("D3"));
        yield return Field("owner-id", r => OwnerOf(r).Id);
        yield return Field("owner-type", r => OwnerOf(r).Type);
        yield return Field("active", r => !r.Rng.Chance("inactive", 0.1));
        yield return Field("local", r => r.Rng.Chance("local", 0.2));
        yield return Association("country", r => Countries.Stub(CountryOf(r)));
        yield return Association("fiscal-representative", _ => null);
        foreach (var field in Audit())
            yield return field;
    }
}
