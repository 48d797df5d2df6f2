using CoupaSandbox.Data.Generators;

namespace CoupaSandbox.Data;

/// <summary>The resources this instance serves, in the order they are listed. Adding a resource = adding a generator here.</summary>
internal static class ResourceRegistry
{
    public static IReadOnlyList<ResourceGenerator> CreateGenerators() =>
    [
        new SupplierGenerator(),
        new SupplierInformationGenerator(),
        new PurchaseOrderGenerator(),
        new PurchaseOrderLineGenerator(),
        new AccountGenerator(),
        new AccountTypeGenerator(),
        new TaxCodeGenerator(),
        new TaxRegistrationGenerator(),
        new PaymentTermGenerator(),
        new UomGenerator(),
        new LookupValueGenerator(),
        new CurrencyGenerator(),
        new AddressGenerator(),
        new ContractGenerator(),
        new InvoiceGenerator(),
        new LegalEntityGenerator(),
        new ExchangeRateGenerator(),
    ];
}
