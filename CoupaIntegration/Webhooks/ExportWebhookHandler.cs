using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Coupa;
using CoupaIntegration.Exports;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Webhooks;
using CoupaIntegration.Rossum.Webhooks.Annotations;
using CoupaIntegration.Rossum.Webhooks.Responses;
using CoupaIntegration.Secrets;
using CoupaIntegration.Telemetry;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// The export and duplicate-check webhooks, for every host. Both answer synchronously with Rossum's
/// <c>{"messages","operations"}</c>: a problem a person must fix (settings, template, secret) is an error message
/// in a 200 answer, so Rossum shows it on the annotation instead of retrying a call that cannot succeed.
/// </summary>
public sealed class ExportWebhookHandler(
    InvoiceExporter exporter,
    CoupaSecretResolver coupaSecrets,
    IOptions<WebhookOptions> options,
    IOptions<ExportOptions> exportOptions,
    RunTelemetry telemetry)
{
    public const string ExportFunction = "export";
    public const string DuplicateCheckFunction = "duplicate-check";
    public static readonly IReadOnlyList<string> InvoiceScopes = ["core.invoice.create", "core.invoice.read", "core.invoice.write"];

    public async Task<WebhookAnswer> ExportAsync(WebhookCall call, CancellationToken cancellationToken)
    {
        var run = telemetry.BeginExport(ExportFunction);
        if (CheckSignature(ExportFunction, call, run) is { } refused) return refused;
        AnnotationPayload payload;
        try
        {
            payload = HookPayloadParser.ParseAnnotation(call.Body);
        }
        catch (HookPayloadException e)
        {
            return run.End(WebhookAnswer.Problem(400, e.Message, e.Errors.Select(x => (x.Path, x.Message))), ExportOutcome.Rejected, e.Kind, e.Message);
        }
        run.Started(payload);
        if (payload.Action != HookEvents.Export)
            return run.End(Answer(new HookResponse().Error($"This URL exports annotations: it takes annotation_content.export, not {payload.Name}.")),
                ExportOutcome.Rejected, FailureKind.Configuration, $"called for {payload.Name}");
        try
        {
            var request = await PrepareAsync(payload, cancellationToken);
            var result = await exporter.ExportAsync(request, cancellationToken);
            return run.End(Answer(ExportHookResponse.From(result, payload, request.Settings)), result);
        }
        catch (IntegrationException e)
        {
            return run.End(Answer(new HookResponse().Error($"Export to Coupa failed: {e.Message}")), ExportOutcome.Failed, e.Kind, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return run.End(Answer(new HookResponse().Error("Export to Coupa did not finish in time; no second invoice is created when it is exported again.")),
                ExportOutcome.Failed, FailureKind.Transient, "did not finish in time");
        }
        catch (Exception e) when (run.EndedUnexpectedly(e))
        {
            throw; // never reached: the filter records the end and lets the exception go on to the host's error answer
        }
    }

    /// <summary>Renders the mapping only, for `coupa export --dry-run` and template authors.</summary>
    public static async Task<JsonObject> RenderAsync(AnnotationPayload payload, ExportSettings settings) =>
        await Template(settings).RenderAsync(ExportTemplateModel.Build(payload));

    /// <summary>annotation_content.initialize / updated: one Coupa query, a warning when the supplier already has this number.</summary>
    public async Task<WebhookAnswer> DuplicateCheckAsync(WebhookCall call, CancellationToken cancellationToken)
    {
        var run = telemetry.BeginExport(DuplicateCheckFunction);
        if (CheckSignature(DuplicateCheckFunction, call, run) is { } refused) return refused;
        AnnotationPayload payload;
        try
        {
            payload = HookPayloadParser.ParseAnnotation(call.Body);
        }
        catch (HookPayloadException e)
        {
            return run.End(WebhookAnswer.Problem(400, e.Message, e.Errors.Select(x => (x.Path, x.Message))), ExportOutcome.Rejected, e.Kind, e.Message);
        }
        run.Started(payload);
        try
        {
            var settings = ExportSettingsParser.Parse(payload.Settings);
            var number = payload.Value(settings.InvoiceNumberField);
            var supplier = payload.Value(settings.SupplierIdField);
            if (string.IsNullOrWhiteSpace(number) || string.IsNullOrWhiteSpace(supplier)) return run.End(Answer(new HookResponse()), ExportOutcome.Skipped);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(TimeSpan.FromSeconds(exportOptions.Value.DuplicateCheckTimeoutSeconds));
            var connection = await ConnectionAsync(payload, settings, limit.Token);
            var found = await exporter.FindAsync(connection, number.Trim(), supplier.Trim(), limit.Token);
            var response = new HookResponse();
            // CIB's queue keeps the outcome in datapoints its formulas and rules read; written where the schema has them.
            if (payload.Find("is_duplicate") is { IsDatapoint: true } flag)
                response.ReplaceValue(flag.Id, found.Count > 0 ? "true" : "false");
            if (payload.Find("duplicate_invoice_statuses") is { IsDatapoint: true } statuses)
                response.ReplaceValue(statuses.Id, string.Join(", ", found.Select(f => f.Status)));
            if (found.Count > 0)
                response.Warning($"Invoice {number.Trim()} already exists in Coupa for this supplier: {string.Join(", ", found.Select(f => $"{f.Id} ({f.Status})"))}.",
                    payload.Find(settings.InvoiceNumberField)?.Id);
            return run.End(Answer(response), ExportOutcome.Completed);
        }
        catch (IntegrationException e)
        {
            // Interactive: never block the user, say what is wrong.
            return run.End(Answer(new HookResponse().Warning($"Duplicate check against Coupa not possible: {e.Message}")), ExportOutcome.Failed, e.Kind, e.Message);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return run.End(Answer(new HookResponse().Warning("Duplicate check against Coupa not possible: Coupa did not answer in time.")),
                ExportOutcome.Failed, FailureKind.Transient, "Coupa did not answer in time");
        }
        catch (Exception e) when (run.EndedUnexpectedly(e))
        {
            throw; // never reached: the filter records the end and lets the exception go on to the host's error answer
        }
    }

    private async Task<ExportRequest> PrepareAsync(AnnotationPayload payload, CancellationToken cancellationToken)
    {
        var settings = ExportSettingsParser.Parse(payload.Settings);
        var invoice = await RenderAsync(payload, settings);
        var connection = await ConnectionAsync(payload, settings, cancellationToken);
        return new ExportRequest(payload, settings, connection, invoice);
    }

    private async Task<CoupaConnection> ConnectionAsync(AnnotationPayload payload, ExportSettings settings, CancellationToken cancellationToken)
    {
        var credentials = settings.Credentials;
        var errors = new List<SettingsError>();
        Uri? baseUrl = null;
        if (string.IsNullOrWhiteSpace(credentials.BaseApiUrl) || !Uri.TryCreate(credentials.BaseApiUrl.Trim(), UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http"))
            errors.Add(new("$.settings.credentials.base_api_url", "is required: the Coupa instance root, such as https://yourorg.coupahost.com/"));
        else baseUrl = CoupaConnection.NormalizeBaseUrl(credentials.BaseApiUrl);
        if (string.IsNullOrWhiteSpace(credentials.ClientId))
            errors.Add(new("$.settings.credentials.client_id", "is required: the Coupa OAuth client id"));
        if (errors.Count > 0) throw new SettingsValidationException(errors);

        var secret = await coupaSecrets.ResolveAsync(credentials, payload.GetSecret("client_secret"), cancellationToken);
        if (secret is null || secret.IsEmpty)
            throw new IntegrationException(FailureKind.Configuration,
                $"No Coupa client secret for client id '{credentials.ClientId}': put it in the hook's secrets.client_secret, or configure a Key Vault (Secrets:KeyVaultUri).");
        var scopes = credentials.ClientScope?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? InvoiceScopes.ToArray();
        return new CoupaConnection(baseUrl!, credentials.ClientId!.Trim(), secret, scopes);
    }

    private static ExportTemplate Template(ExportSettings settings) =>
        settings.Template is { } source
            ? ExportTemplate.Parse("settings.export_template", source)
            : DefaultTemplates.Find(settings.TemplateName)!;

    private static WebhookAnswer Answer(HookResponse response) =>
        new(200, JsonNode.Parse(response.ToJson()));

    private WebhookAnswer? CheckSignature(string function, WebhookCall call, ExportRun run)
    {
        if (options.Value.SignatureSecretFor(function) is not { } secret) return null;
        var check = WebhookSignature.Verify(call.Body.Span, call.SignatureHeader, new Secret(secret));
        if (check == SignatureCheck.Valid) return null;
        var reason = $"Signature check failed: {WebhookSignature.Describe(check)}";
        return run.End(WebhookAnswer.Problem(401, reason), ExportOutcome.Rejected, FailureKind.Configuration, reason);
    }
}
