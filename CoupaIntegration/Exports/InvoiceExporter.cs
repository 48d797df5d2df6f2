using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Coupa;
using CoupaIntegration.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace CoupaIntegration.Exports;

/// <summary>
/// Exports one annotation into Coupa: find (supplier + number) → create the draft unless found → image scan →
/// link back to Rossum → submit when wanted. Idempotent: Rossum retries a failed export up to five times and may
/// deliver one twice, so nothing is created before Coupa was asked whether it exists, a create that got no answer
/// is followed by another look-up rather than another create, deliveries for one invoice take turns in this
/// process, and on a found invoice only the steps it is missing are done.
/// </summary>
public sealed class InvoiceExporter(
    CoupaClientFactory coupa,
    RossumDocumentClient documents,
    ExportLocks locks,
    IOptions<ExportOptions> options,
    ILogger<InvoiceExporter> logger)
{
    private const string FindFields = "[\"id\",\"status\"]";
    private const string StateFields = "[\"id\",\"status\",\"image-scan\",\"image-scan-url\",\"image-scan-file-name\"]";

    public async Task<ExportResult> ExportAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        var number = request.InvoiceNumber;
        var supplier = request.SupplierId;
        if (number is null || supplier is null)
            return new ExportResult(null, null, [], $"The mapped invoice has no {(number is null ? "invoice-number" : "supplier id")}: Coupa cannot be asked whether it exists, so nothing was created.");

        var settings = options.Value;
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        overall.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        var api = coupa.CreateApi(request.Connection.BaseUrl);
        using var _ = await locks.AcquireAsync($"{request.Connection.Instance}|{supplier}|{number}", overall.Token);

        var steps = new List<ExportStepResult>();
        var (invoiceId, status, created, error) = await FindOrCreateAsync(api, request, number, supplier, steps, overall.Token);
        if (invoiceId is not { } id)
            return new ExportResult(null, null, steps, error);

        try
        {
            var state = created ? null : await StateAsync(api, request.Connection, id, overall.Token);
            status = state?.Status ?? status;
            steps.Add(await ImageScanAsync(api, request, id, state, overall.Token));
            steps.Add(await LinkAsync(api, request, id, created, overall.Token));
            var submit = await SubmitAsync(api, request, id, status, overall.Token);
            steps.Add(submit.Result);
            status = submit.Status ?? status;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The draft exists: its id must still reach Rossum, and exporting again completes only what is missing.
            var next = new[] { ExportStepResult.ImageScan, ExportStepResult.Attachment, ExportStepResult.Submit }.FirstOrDefault(n => steps.All(s => s.Step != n)) ?? ExportStepResult.Submit;
            steps.Add(new ExportStepResult(next, ExportStepOutcome.Failed, null,
                $"did not finish within {settings.TimeoutSeconds} s; exporting again completes the missing steps without a second invoice"));
        }
        // The outcome, steps and invoice id are logged once, by the caller's end-of-export event.
        return new ExportResult(id, status, steps);
    }

    /// <summary>The one look-up the duplicate check makes: invoices with this supplier and number, with their statuses.</summary>
    public async Task<IReadOnlyList<(long Id, string? Status)>> FindAsync(CoupaConnection connection, string number, string supplierId, CancellationToken cancellationToken)
    {
        var call = await CoupaCall.RunAsync(ct => coupa.CreateApi(connection.BaseUrl).FindInvoicesAsync(number, supplierId, FindFields, connection, ct), cancellationToken);
        if (!call.Succeeded) throw new IntegrationException(call.Uncertain ? FailureKind.Transient : FailureKind.Configuration, $"Coupa invoice look-up failed: {call.Describe()}.");
        return Invoices(call.Body);
    }

    private async Task<(long? Id, string? Status, bool Created, string? Error)> FindOrCreateAsync(
        ICoupaApi api, ExportRequest request, string number, string supplier, List<ExportStepResult> steps, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var find = await CoupaCall.RunAsync(ct => api.FindInvoicesAsync(number, supplier, FindFields, request.Connection, ct), cancellationToken);
            if (!find.Succeeded)
            {
                steps.Add(new ExportStepResult(ExportStepResult.Find, ExportStepOutcome.Failed, find.Status, find.Describe(), find.RawError));
                return (null, null, false, $"Could not ask Coupa whether invoice {number} of supplier {supplier} exists ({find.Describe()}); nothing was created, the export can be retried.");
            }
            if (Invoices(find.Body) is [var existing, ..])
            {
                steps.Add(new ExportStepResult(ExportStepResult.Find, ExportStepOutcome.Done, find.Status));
                steps.Add(new ExportStepResult(ExportStepResult.Create, ExportStepOutcome.AlreadyDone, null,
                    $"Invoice {number} of supplier {supplier} already exists in Coupa (id {existing.Id}, {existing.Status}); not created again."));
                return (existing.Id, existing.Status, false, null);
            }

            var create = await CoupaCall.RunAsync(ct => api.CreateInvoiceAsync(request.Invoice, request.Connection, ct), cancellationToken,
                TimeSpan.FromSeconds(settings.CreateAttemptTimeoutSeconds));
            if (create.Succeeded && Id(create.Body) is { } id)
            {
                steps.Add(new ExportStepResult(ExportStepResult.Create, ExportStepOutcome.Done, create.Status, null, create.Body?.GetRawText()));
                logger.LogInformation("Created Coupa invoice {InvoiceId} for annotation {AnnotationId}", id, request.Payload.AnnotationId);
                return (id, Text(create.Body, "status"), true, null);
            }
            // No answer: the draft may exist. The next round looks it up before creating anything.
            if (create.Uncertain && attempt < settings.StepAttempts)
            {
                logger.LogWarning("Create of invoice for annotation {AnnotationId} got {Status}; looking it up before trying again (attempt {Attempt})",
                    request.Payload.AnnotationId, create.Status, attempt);
                RetryCounter.Add();
                await Task.Delay(TimeSpan.FromSeconds(settings.RetryDelaySeconds), cancellationToken);
                continue;
            }
            // A refusal may be a concurrent creator elsewhere (duplicate number): one more look-up settles it.
            if (!create.Uncertain && await FindQuietlyAsync(api, request.Connection, number, supplier, cancellationToken) is { } raced)
            {
                steps.Add(new ExportStepResult(ExportStepResult.Create, ExportStepOutcome.AlreadyDone, create.Status,
                    $"Invoice {number} of supplier {supplier} was created meanwhile (id {raced.Id}); not created again."));
                return (raced.Id, raced.Status, false, null);
            }
            steps.Add(new ExportStepResult(ExportStepResult.Create, ExportStepOutcome.Failed, create.Status, create.Describe(), create.RawError));
            return (null, null, false, create.Uncertain
                ? $"Coupa did not confirm the draft invoice {number} ({create.Describe()}); none was found afterwards, the export can be retried."
                : $"Coupa refused the draft invoice {number}: {create.Describe()}");
        }
    }

    private async Task<(long Id, string? Status)?> FindQuietlyAsync(ICoupaApi api, CoupaConnection connection, string number, string supplier, CancellationToken cancellationToken)
    {
        var find = await CoupaCall.RunAsync(ct => api.FindInvoicesAsync(number, supplier, FindFields, connection, ct), cancellationToken);
        return find.Succeeded && Invoices(find.Body) is [var existing, ..] ? existing : null;
    }

    private sealed record InvoiceState(string? Status, bool HasImageScan);

    private static async Task<InvoiceState?> StateAsync(ICoupaApi api, CoupaConnection connection, long id, CancellationToken cancellationToken)
    {
        var call = await CoupaCall.RunAsync(ct => api.GetInvoiceAsync(id, StateFields, connection, ct), cancellationToken);
        if (!call.Succeeded || call.Body is not { ValueKind: JsonValueKind.Object } body) return null;
        var scan = new[] { "image-scan", "image-scan-url", "image-scan-file-name" }.Any(f => !string.IsNullOrEmpty(Text(body, f)));
        return new InvoiceState(Text(body, "status"), scan);
    }

    private async Task<ExportStepResult> ImageScanAsync(ICoupaApi api, ExportRequest request, long id, InvoiceState? state, CancellationToken cancellationToken)
    {
        const string step = ExportStepResult.ImageScan;
        if (!request.Settings.AttachImageScan) return new ExportStepResult(step, ExportStepOutcome.Skipped, null, "Image scan is switched off (attach_image_scan).");
        if (state?.HasImageScan == true) return new ExportStepResult(step, ExportStepOutcome.AlreadyDone, null, "The invoice already has its image scan.");
        var document = request.Payload.Document;
        if (document.ContentUrl is null)
            return new ExportStepResult(step, ExportStepOutcome.Failed, null, "The payload has no document.content URL: the original document could not be attached to the Coupa invoice.");
        if (request.Payload.RossumAuthorizationToken is not { } token)
            return new ExportStepResult(step, ExportStepOutcome.Failed, null, "The call brought no rossum_authorization_token (set the hook's token owner): the original document could not be downloaded.");
        byte[] bytes;
        try
        {
            bytes = await documents.DownloadAsync(document.ContentUrl, request.Payload.BaseUrl, token, cancellationToken);
        }
        catch (Exception e) when (e is IntegrationException or HttpRequestException)
        {
            return new ExportStepResult(step, ExportStepOutcome.Failed, null, $"The original document could not be downloaded from Rossum: {e.Message}");
        }
        var fileName = document.OriginalFileName ?? $"document-{document.Id}.pdf";
        return await WriteAsync(step, ct => api.PutImageScanAsync(id, new StreamPart(new MemoryStream(bytes), fileName, document.MimeType ?? "application/pdf"), request.Connection, ct),
            async ct => (await StateAsync(api, request.Connection, id, ct))?.HasImageScan == true, cancellationToken);
    }

    private async Task<ExportStepResult> LinkAsync(ICoupaApi api, ExportRequest request, long id, bool created, CancellationToken cancellationToken)
    {
        const string step = ExportStepResult.Attachment;
        if (!request.Settings.AttachLink) return new ExportStepResult(step, ExportStepOutcome.Skipped, null, "The link to Rossum is switched off (attach_link).");
        var link = AnnotationLink(request);
        async Task<bool> Linked(CancellationToken ct)
        {
            var call = await CoupaCall.RunAsync(c => api.GetAttachmentsAsync(id, request.Connection, c), ct);
            return call.Succeeded && call.Body is { ValueKind: JsonValueKind.Array } list && list.EnumerateArray().Any(a => Text(a, "url") == link);
        }
        if (!created && await Linked(cancellationToken))
            return new ExportStepResult(step, ExportStepOutcome.AlreadyDone, null, "The invoice already links to the annotation.");
        var body = new JsonObject { ["type"] = "url", ["url"] = link, ["intent"] = "Internal" };
        return await WriteAsync(step, ct => api.AddAttachmentAsync(id, body, request.Connection, ct), Linked, cancellationToken);
    }

    private async Task<(ExportStepResult Result, string? Status)> SubmitAsync(ICoupaApi api, ExportRequest request, long id, string? status, CancellationToken cancellationToken)
    {
        const string step = ExportStepResult.Submit;
        var settings = request.Settings;
        if (settings.Submit == SubmitMode.Never) return (new ExportStepResult(step, ExportStepOutcome.Skipped, null, "Submitting is switched off (submit: never)."), null);
        if (settings.Submit == SubmitMode.Invoices && request.IsCreditNote)
            return (new ExportStepResult(step, ExportStepOutcome.Skipped, null, "Credit notes stay draft in Coupa (submit: invoices)."), null);
        if (settings.SubmitWhenField is { } field && request.Payload.Value(field)?.Trim().ToLowerInvariant() is not ("true" or "yes" or "1"))
            return (new ExportStepResult(step, ExportStepOutcome.Skipped, null, $"Not submitted: {field} is not set."), null);
        if (status is not null && status != "draft")
            return (new ExportStepResult(step, ExportStepOutcome.AlreadyDone, null, $"The invoice is already {status}."), null);
        string? newStatus = null;
        var result = await WriteAsync(step, async ct =>
        {
            var response = await api.SubmitInvoiceAsync(id, request.Connection, ct);
            if (response.IsSuccessStatusCode) newStatus = Text(response.Content, "status");
            return response;
        }, async ct =>
        {
            var state = await StateAsync(api, request.Connection, id, ct);
            newStatus = state?.Status ?? newStatus;
            return state is { Status: not null and not "draft" };
        }, cancellationToken);
        return (result, newStatus);
    }

    /// <summary>A write after the draft exists: tried again on no answer, but only after checking it did not take effect.</summary>
    private async Task<ExportStepResult> WriteAsync(string step, Func<CancellationToken, Task<IApiResponse<JsonElement>>> write,
        Func<CancellationToken, Task<bool>> alreadyDone, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            var call = await CoupaCall.RunAsync(write, cancellationToken);
            if (call.Succeeded) return new ExportStepResult(step, ExportStepOutcome.Done, call.Status, null, call.Body?.GetRawText());
            if (!call.Uncertain || attempt >= settings.StepAttempts || cancellationToken.IsCancellationRequested)
                return new ExportStepResult(step, ExportStepOutcome.Failed, call.Status, call.Describe(), call.RawError);
            await Task.Delay(TimeSpan.FromSeconds(settings.RetryDelaySeconds), cancellationToken);
            if (await alreadyDone(cancellationToken)) return new ExportStepResult(step, ExportStepOutcome.AlreadyDone, call.Status, "Done by the attempt that got no answer.");
            RetryCounter.Add();
        }
    }

    private string AnnotationLink(ExportRequest request) => options.Value.AnnotationLinkFormat
        .Replace("{base_url}", request.Payload.BaseUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
        .Replace("{annotation_id}", request.Payload.AnnotationId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static List<(long Id, string? Status)> Invoices(JsonElement? body) =>
        body is { ValueKind: JsonValueKind.Array } list
            ? list.EnumerateArray().Select(i => (Id(i), Text(i, "status"))).Where(i => i.Item1 is not null).Select(i => (i.Item1!.Value, i.Item2)).ToList()
            : [];

    private static long? Id(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("id", out var id)
            ? id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) ? n : long.TryParse(id.GetString(), out var s) ? s : null
            : null;

    private static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var v) && v.ValueKind is not JsonValueKind.Null
            ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText()
            : null;
}
