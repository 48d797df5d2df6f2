using CoupaIntegration.Common;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Imports;

public sealed class ImportCatalogTests
{
    public static TheoryData<string> Types() => new(ImportCatalog.Default.Entries.Select(e => e.Type));

    [Fact]
    public void Catalog_CoversEveryTypeTheProductPromises()
    {
        string[] promised =
        [
            "suppliers", "supplier_remit_to_addresses", "supplier_information", "purchase_orders", "purchase_order_lines", "accounts",
            "account_types", "tax_codes", "tax_registrations", "payment_terms", "units_of_measure", "lookup_values", "currencies",
            "addresses", "contracts", "invoices", "legal_entities", "exchange_rates",
        ];
        Assert.Equal(promised.Order(), ImportCatalog.Default.Entries.Select(e => e.Type).Order());
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryEntry_PlansWithValidDefaults(string type)
    {
        var settings = ImportSettingsParser.Parse("""{"credentials": {"client_id": "c", "base_api_url": "https://acme.coupahost.com/"}}""");
        var plan = ImportPlanner.Resolve(ImportCatalog.Default.Get(type), settings, new Secret("x"));

        Assert.StartsWith("api/", plan.Endpoint);
        Assert.Matches(@"^core\.[a-z_]+\.read$", Assert.Single(plan.Connection.Scopes));
        Assert.NotEmpty(plan.IdKeys);
        Assert.Equal(50, plan.PageSize);
        var errors = new List<SettingsError>();
        FieldsSpec.Validate(plan.Query.Fields!, "$", errors);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("purchase-orders", "purchase_orders")]
    [InlineData("UNITS_OF_MEASURE", "units_of_measure")]
    public void Types_AreFoundWithHyphensOrAnyCase(string asked, string expected) =>
        Assert.Equal(expected, ImportCatalog.Default.Get(asked).Type);

    [Fact]
    public void UnknownType_ListsTheKnownOnes()
    {
        var error = Assert.Throws<IntegrationException>(() => ImportCatalog.Default.Get("vendors"));
        Assert.Equal(FailureKind.BadRequest, error.Kind);
        Assert.Contains("suppliers", error.Message);
    }

    [Fact]
    public void Endpoint_FindsTheFirstEntryServingIt() =>
        Assert.Equal("suppliers", ImportCatalog.Default.FindByEndpoint("/api/suppliers/")!.Type);
}
