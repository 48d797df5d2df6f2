using CoupaFunctions.Durable;
using CoupaFunctions.Http;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoupaFunctions.Functions;

/// <summary>
/// The import webhooks: one URL per catalog type (<c>POST /api/import/suppliers</c>, …), each with its own function
/// key and signature secret, plus the generic URL of Rossum's hosted service (<c>POST /api/coupa/v1/import</c>, type
/// from the settings' endpoint) so a hook moves over by changing only its URL. Each answers 202 with the polling URL;
/// the run itself is a Durable orchestration. A test checks this list against the catalog.
/// </summary>
public sealed class ImportFunctions(ImportWebhookHandler handler, DurableLaunchers launchers, IOptions<StatusLinkOptions> links)
{
    [Function(nameof(CoupaV1Import))]
    public Task<IActionResult> CoupaV1Import([HttpTrigger(AuthorizationLevel.Function, "post", Route = "coupa/v1/import")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync(null, request, client, cancellationToken);

    [Function(nameof(ImportSuppliers))]
    public Task<IActionResult> ImportSuppliers([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/suppliers")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("suppliers", request, client, cancellationToken);

    [Function(nameof(ImportSupplierRemitToAddresses))]
    public Task<IActionResult> ImportSupplierRemitToAddresses([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/supplier-remit-to-addresses")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("supplier_remit_to_addresses", request, client, cancellationToken);

    [Function(nameof(ImportSupplierInformation))]
    public Task<IActionResult> ImportSupplierInformation([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/supplier-information")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("supplier_information", request, client, cancellationToken);

    [Function(nameof(ImportPurchaseOrders))]
    public Task<IActionResult> ImportPurchaseOrders([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/purchase-orders")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("purchase_orders", request, client, cancellationToken);

    [Function(nameof(ImportPurchaseOrderLines))]
    public Task<IActionResult> ImportPurchaseOrderLines([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/purchase-order-lines")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("purchase_order_lines", request, client, cancellationToken);

    [Function(nameof(ImportAccounts))]
    public Task<IActionResult> ImportAccounts([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/accounts")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("accounts", request, client, cancellationToken);

    [Function(nameof(ImportAccountTypes))]
    public Task<IActionResult> ImportAccountTypes([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/account-types")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("account_types", request, client, cancellationToken);

    [Function(nameof(ImportTaxCodes))]
    public Task<IActionResult> ImportTaxCodes([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/tax-codes")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("tax_codes", request, client, cancellationToken);

    [Function(nameof(ImportTaxRegistrations))]
    public Task<IActionResult> ImportTaxRegistrations([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/tax-registrations")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("tax_registrations", request, client, cancellationToken);

    [Function(nameof(ImportPaymentTerms))]
    public Task<IActionResult> ImportPaymentTerms([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/payment-terms")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("payment_terms", request, client, cancellationToken);

    [Function(nameof(ImportUnitsOfMeasure))]
    public Task<IActionResult> ImportUnitsOfMeasure([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/units-of-measure")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("units_of_measure", request, client, cancellationToken);

    [Function(nameof(ImportLookupValues))]
    public Task<IActionResult> ImportLookupValues([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/lookup-values")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("lookup_values", request, client, cancellationToken);

    [Function(nameof(ImportCurrencies))]
    public Task<IActionResult> ImportCurrencies([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/currencies")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("currencies", request, client, cancellationToken);

    [Function(nameof(ImportAddresses))]
    public Task<IActionResult> ImportAddresses([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/addresses")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("addresses", request, client, cancellationToken);

    [Function(nameof(ImportContracts))]
    public Task<IActionResult> ImportContracts([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/contracts")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("contracts", request, client, cancellationToken);

    [Function(nameof(ImportInvoices))]
    public Task<IActionResult> ImportInvoices([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/invoices")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("invoices", request, client, cancellationToken);

    [Function(nameof(ImportLegalEntities))]
    public Task<IActionResult> ImportLegalEntities([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/legal-entities")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("legal_entities", request, client, cancellationToken);

    [Function(nameof(ImportExchangeRates))]
    public Task<IActionResult> ImportExchangeRates([HttpTrigger(AuthorizationLevel.Function, "post", Route = "import/exchange-rates")] HttpRequest request,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) => StartAsync("exchange_rates", request, client, cancellationToken);

    private async Task<IActionResult> StartAsync(string? importType, HttpRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var call = await WebhookHttp.ReadCallAsync(request, cancellationToken);
        var answer = await handler.StartAsync(importType, call, launchers.Create(client), WebhookHttp.StatusUrl(request, links.Value.PublicBaseUrl), cancellationToken);
        return new WebhookAnswerResult(answer);
    }
}
