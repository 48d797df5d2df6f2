using System.Text.Json.Nodes;
using CoupaSandbox.Auth;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/contracts: master agreements (and a few amendments) with a supplier, in that supplier's currency.</summary>
internal sealed class ContractGenerator() : ResourceGenerator("contracts", Scopes.ContractRead, "number")
{
    private static readonly string[] Statuses = ["published", "published", "published", "published", "draft", "expired", "expired", "pending_approval", "completed"];

    private long? SupplierOf(Seed r) => Data.PickSeeded("suppliers", r.Rng, "supplier");

    private DateTimeOffset StartOf(Seed r) => CreatedAt(r.Id).AddDays(r.Rng.Int("start", 0, 45));

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("name", r => SupplierOf(r) is long s
            ? $"{Data.Generator<SupplierGenerator>().BaseName(s)} MSA {StartOf(r).Year}"
            : $"Contract {r.Id}");
        yield return Field("number", r => $"C-{r.Id:D6}");
        yield return Field("status", r => r.Rng.Pick("status", Statuses));
        yield return Field("type", r => r.Rng.Chance("amendment", 0.15) ? "AmendmentContract" : "MasterContract");
        yield return Association("supplier", r => Data.Stub("suppliers", SupplierOf(r), "id", "name", "number"));
        yield return Association("currency", r => Data.Stub("currencies", SupplierOf(r) is long s
            ? Data.Generator<CurrencyGenerator>().IdFor(Data.Generator<SupplierGenerator>().CountryOf(s).Currency)
            : Data.Generator<CurrencyGenerator>().IdFor("USD"), "id", "code"));
        yield return Time("start-date", r => Day(StartOf(r)));
        yield return Time("end-date", r => Day(StartOf(r).AddYears(r.Rng.Int("years", 1, 4))));
        yield return Association("payment-term", r => Data.Stub("payment_terms", Data.PickSeeded("payment_terms", r.Rng, "payment-term"), "id", "code"));
        yield return Association("default-account", r => r.Rng.Chance("default-account", 0.5)
            ? Data.Stub("accounts", Data.PickSeeded("accounts", r.Rng, "account"), "id", "code", "name")
            : null);
        yield return Amount("max-commit", r => Dec(r.Rng.Int("max-commit", 1, 200) * 5000m));
        yield return Field("version", r => r.Rng.Int("version", 1, 4));
        foreach (var field in Audit())
            yield return field;
        yield return Association("custom-fields", r => new JsonObject { ["cf-legal-reviewed"] = r.Rng.Chance("reviewed", 0.7) });
    }
}
