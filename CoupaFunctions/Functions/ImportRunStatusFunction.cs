using CoupaFunctions.Durable;
using CoupaFunctions.Http;
using CoupaIntegration.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoupaFunctions.Functions;

/// <summary>
/// The polling URL Rossum follows after a 202: 200 while running, 201 with the result, 422 with the reason.
/// Anonymous on purpose (Rossum polls without our function key); the HMAC token in the link makes it unguessable
/// and unforgeable, and a wrong token answers like an unknown run.
/// </summary>
public sealed class ImportRunStatusFunction(ImportWebhookHandler handler, DurableLaunchers launchers)
{
    [Function(nameof(ImportRunStatus))]
    public async Task<IActionResult> ImportRunStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = WebhookHttp.StatusRoute)] HttpRequest request,
        string runId, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        new WebhookAnswerResult(await handler.StatusAsync(runId, request.Query["token"].FirstOrDefault(), launchers.Create(client), cancellationToken));
}
