using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/accounts: code = segment-1-segment-2-segment-3 (company, cost center, GL), unique per id.</summary>
internal sealed class AccountGenerator() : ResourceGenerator("accounts", Scopes.AccountingRead, "code")
{
    private static readonly (string Code, string Name)[] CostCenters =
        [("1000", "Executive"), ("2100", "Finance"), ("3200", "IT"), ("4100", "Marketing"), ("5300", "Operations"), ("6100", "R&D")];

    private static readonly string[] GlNames = ["Office Supplies", "Travel", "Software", "Hardware", "Consulting", "Facilities", "Freight", "Training"];

    public long? AccountTypeIdOf(long id) => Data.PickSeeded("account_types", SeedOf(id).Rng, "account-type");

    private string[] Segments(Seed r)
    {
        string company = AccountTypeIdOf(r.Id) is long at ? AccountTypeGenerator.CompanyCode(at) : "XX01";
        return [company, r.Rng.Pick("cost-center", CostCenters).Code, (600000 + r.Id).ToString(System.Globalization.CultureInfo.InvariantCulture)];
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("name", r => $"{Segments(r)[0]} {r.Rng.Pick("cost-center", CostCenters).Name} {r.Rng.Pick("gl", GlNames)}");
        yield return Field("code", r => string.Join('-', Segments(r)));
        yield return Field("active", r => !r.Rng.Chance("inactive", 0.05));
        yield return Field("account-type-id", r => AccountTypeIdOf(r.Id));
        yield return Association("account-type", r => Data.Stub("account_types", AccountTypeIdOf(r.Id), "id", "name"));
        for (int i = 1; i <= 20; i++)
        {
            int segment = i;
            yield return Field($"segment-{segment}", r => segment <= 3 ? Segments(r)[segment - 1] : null);
        }
        foreach (var field in Audit())
            yield return field;
        yield return Association("custom-fields", r => new JsonObject { ["cf-gl-class"] = r.Rng.Pick("gl", GlNames) });
    }
}
