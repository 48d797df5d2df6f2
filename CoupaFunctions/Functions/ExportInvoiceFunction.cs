using CoupaFunctions.Http;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoupaFunctions.Functions;

/// <summary>
/// <c>POST /api/export/invoice</c> for <c>annotation_content.export</c>: the invoice or credit note goes into Coupa and
/// the answer (ids, statuses, messages) comes back synchronously, since Rossum waits for the export's outcome.
/// </summary>
public sealed class ExportInvoiceFunction(ExportWebhookHandler handler)
{
    [Function(nameof(ExportInvoice))]
    public async Task<IActionResult> ExportInvoice([HttpTrigger(AuthorizationLevel.Function, "post", Route = "export/invoice")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new WebhookAnswerResult(await handler.ExportAsync(await WebhookHttp.ReadCallAsync(request, cancellationToken), cancellationToken));
}
