using System.Globalization;
using CoupaIntegration.Rossum.Webhooks.Annotations;
using CoupaIntegration.Rossum.Webhooks.Responses;

namespace CoupaIntegration.Exports;

/// <summary>
/// The hook answer of an export: operations writing the invoice id, status and each step's status code and
/// answer into the configured datapoints (those the schema lacks are skipped), an error when no draft exists
/// (the annotation moves to failed export), and the configured message type for a later step that failed.
/// </summary>
public static class ExportHookResponse
{
    public static HookResponse From(ExportResult result, AnnotationPayload payload, ExportSettings settings)
    {
        var response = new HookResponse();
        var dp = settings.Datapoints;
        void Write(string? schemaId, string? value)
        {
            if (schemaId is null || value is null || payload.Find(schemaId) is not { IsDatapoint: true } node) return;
            // Rossum keeps at most 1500 characters of a value.
            response.ReplaceValue(node.Id, value.Length > 1500 ? value[..1500] : value);
        }
        string? Code(ExportStepResult? step) => step?.StatusCode?.ToString(CultureInfo.InvariantCulture);

        if (result.InvoiceId is { } id) Write(dp.InvoiceId, id.ToString(CultureInfo.InvariantCulture));
        Write(dp.Status, result.Status);
        var create = result.Step(ExportStepResult.Create);
        Write(dp.CreateStatusCode, Code(create) ?? (create?.Outcome == ExportStepOutcome.AlreadyDone ? "200" : null));
        Write(dp.CreateResponse, create?.ResponseBody ?? create?.Message);
        Write(dp.ImageScanStatusCode, Code(result.Step(ExportStepResult.ImageScan)));
        Write(dp.ImageScanResponse, result.Step(ExportStepResult.ImageScan)?.ResponseBody ?? result.Step(ExportStepResult.ImageScan)?.Message);
        Write(dp.AttachmentStatusCode, Code(result.Step(ExportStepResult.Attachment)));
        Write(dp.AttachmentResponse, result.Step(ExportStepResult.Attachment)?.ResponseBody ?? result.Step(ExportStepResult.Attachment)?.Message);
        Write(dp.SubmitStatusCode, Code(result.Step(ExportStepResult.Submit)));
        Write(dp.SubmitResponse, result.Step(ExportStepResult.Submit)?.ResponseBody ?? result.Step(ExportStepResult.Submit)?.Message);

        if (result.Error is { } error)
        {
            response.Error($"Export to Coupa failed: {error}");
            return response;
        }
        foreach (var step in result.Steps.Where(s => s.Outcome == ExportStepOutcome.Failed))
            response.Message(new HookMessage(null, settings.LaterStepMessage, $"Coupa invoice {result.InvoiceId}: {Label(step.Step)} failed: {step.Message}"));
        response.Info($"Coupa invoice {result.InvoiceId} ({result.Status})" +
                      (result.Step(ExportStepResult.Create)?.Outcome == ExportStepOutcome.AlreadyDone ? " already existed; missing steps were completed." : " exported."));
        return response;
    }

    private static string Label(string step) => step switch
    {
        ExportStepResult.ImageScan => "attaching the original document (image scan)",
        ExportStepResult.Attachment => "attaching the link to Rossum",
        ExportStepResult.Submit => "submitting for approval",
        _ => step,
    };
}
