using CoupaFunctions.Http;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CoupaFunctions.Functions;

/// <summary>
/// <c>POST /api/export/duplicate-check</c> for <c>annotation_content.initialize</c>/<c>updated</c>: one Coupa query, a
/// warning on the annotation when the supplier already has an invoice with this number.
/// </summary>
public sealed class DuplicateCheckFunction(ExportWebhookHandler handler)
{
    [Function(nameof(DuplicateCheck))]
    public async Task<IActionResult> DuplicateCheck([HttpTrigger(AuthorizationLevel.Function, "post", Route = "export/duplicate-check")] HttpRequest request,
        CancellationToken cancellationToken) =>
        new WebhookAnswerResult(await handler.DuplicateCheckAsync(await WebhookHttp.ReadCallAsync(request, cancellationToken), cancellationToken));
}
