using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Webhooks;
using CoupaIntegration.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// The import webhook, for every host (Function App, `coupa serve`, tests): checks the signature, reads Rossum's
/// payload and the Rossum-compatible settings, fails fast on anything a person must fix, then hands the job to a
/// launcher and answers 202 with an unguessable polling URL; the polling URL answers 200 while running, 201 with
/// the result, 422 with the reason when the run failed or stopped short.
/// </summary>
public sealed class ImportWebhookHandler(
    ImportJobs jobs,
    CoupaSecretResolver coupaSecrets,
    KeyVaultSecrets keyVault,
    IPayloadProtector protector,
    IOptions<WebhookOptions> options,
    ILogger<ImportWebhookHandler> logger)
{
    /// <summary>Signature-secret key of the generic endpoint <c>/api/coupa/v1/import</c>.</summary>
    public const string GenericFunction = "import";

    /// <param name="importType">The catalog type from the URL, or null for the generic endpoint (endpoint from the settings).</param>
    /// <param name="statusUrl">Builds the absolute polling URL from a run id and its link token.</param>
    public async Task<WebhookAnswer> StartAsync(string? importType, WebhookCall call, IImportRunLauncher launcher,
        Func<string, string, string> statusUrl, CancellationToken cancellationToken)
    {
        if (importType is not null && jobs.Catalog.Find(importType) is null)
            return WebhookAnswer.Problem(404, $"Unknown import type '{importType}'. Known types: {string.Join(", ", jobs.Catalog.Entries.Select(e => e.Type))}.");
        if (CheckSignature(importType ?? GenericFunction, call) is { } refused)
            return refused;

        try
        {
            var payload = HookPayloadParser.ParseInvocation(call.Body);
            var settings = ImportSettingsParser.Parse(payload.Settings, "$.settings");
            var payloadSecret = payload.GetSecret("client_secret");
            // Resolved now to fail fast (missing secret, host off the allow-list); only a payload secret travels with the job.
            var secret = await coupaSecrets.ResolveAsync(settings.Credentials, payloadSecret, cancellationToken);
            var plan = jobs.Plan(importType, settings, secret);
            // Rossum's own service says the same: without a token owner there is no token to write with.
            if (payload.RossumAuthorizationToken is null && !keyVault.IsConfigured)
                return WebhookAnswer.Problem(422, "The call brought no rossum_authorization_token: set the token owner of the extension (hook), or configure a Key Vault with a Rossum API token (Secrets:KeyVaultUri).");

            var job = new ImportJobRequest
            {
                Type = importType,
                SettingsJson = payload.Settings.GetRawText(),
                DatasetKey = $"{payload.BaseUrl.Host.ToLowerInvariant()}/{plan.DatasetName}",
                DatasetName = plan.DatasetName,
                RossumBaseUrl = payload.BaseUrl.GetLeftPart(UriPartial.Authority),
                ProtectedRossumToken = payload.RossumAuthorizationToken is { } token ? protector.Protect(token) : null,
                ProtectedCoupaSecret = payloadSecret is { IsEmpty: false } ? protector.Protect(payloadSecret) : null,
                HookUrl = payload.Hook?.ToString(),
                RequestId = payload.RequestId,
            };
            var ticket = await launcher.StartAsync(job, cancellationToken);
            var location = statusUrl(ticket.RunId, protector.Sign(ticket.RunId));
            logger.LogInformation("Import of {Dataset} for hook {Hook} (request {HookRequestId}) {Outcome} as run {RunId}",
                plan.DatasetName, job.HookUrl, job.RequestId, ticket.AlreadyRunning ? "already running" : "accepted", ticket.RunId);
            return new WebhookAnswer(202, new JsonObject
            {
                ["run_id"] = ticket.RunId,
                ["dataset"] = plan.DatasetName,
                ["status"] = ticket.AlreadyRunning ? "already_running" : "accepted",
                ["status_url"] = location,
                ["messages"] = new JsonArray(new JsonObject
                {
                    ["type"] = "info",
                    ["content"] = ticket.AlreadyRunning
                        ? $"An import into dataset {plan.DatasetName} is already running; this call follows it."
                        : $"Import into dataset {plan.DatasetName} started.",
                }),
            }, location);
        }
        catch (HookPayloadException e)
        {
            return WebhookAnswer.Problem(400, e.Message, e.Errors.Select(x => (x.Path, x.Message)));
        }
        catch (SettingsValidationException e)
        {
            return WebhookAnswer.Problem(400, e.Message, e.Errors.Select(x => (x.Path, x.Message)));
        }
        catch (IntegrationException e)
        {
            return WebhookAnswer.Problem(e.Kind is FailureKind.Transient ? 503 : e.Kind is FailureKind.Fatal ? 500 : 422, e.Message);
        }
    }

    /// <summary>The polling URL. A token that does not match the run id answers like an unknown run: 404.</summary>
    public async Task<WebhookAnswer> StatusAsync(string runId, string? token, IImportRunLauncher launcher, CancellationToken cancellationToken)
    {
        if (!protector.Verify(runId, token) || await launcher.GetAsync(runId, cancellationToken) is not { } report)
            return WebhookAnswer.Problem(404, "No such import run (the link is incomplete or was not issued by this app).");
        var status = report.Phase switch
        {
            ImportRunPhase.Pending or ImportRunPhase.Running => 200,
            ImportRunPhase.Completed => 201,
            // Not success: Rossum then retries the hook call (retry_after_polling_failure), and that call resumes the run.
            _ => 422,
        };
        return new WebhookAnswer(status, RunReportJson.From(report));
    }

    private WebhookAnswer? CheckSignature(string function, WebhookCall call)
    {
        if (options.Value.SignatureSecretFor(function) is not { } secret) return null;
        var check = WebhookSignature.Verify(call.Body.Span, call.SignatureHeader, new Secret(secret));
        if (check == SignatureCheck.Valid) return null;
        logger.LogWarning("Refused a call to {Function}: signature {SignatureCheck}", function, check);
        return WebhookAnswer.Problem(401, $"Signature check failed: {WebhookSignature.Describe(check)}");
    }
}
