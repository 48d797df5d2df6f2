using System.Text.Json;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Webhooks.Responses;

namespace CoupaIntegration.Exports;

/// <summary>Reads <see cref="ExportSettings"/>; every problem is reported at once with its JSON path.</summary>
public static class ExportSettingsParser
{
    public static ExportSettings Parse(JsonElement settings, string path = "$.settings")
    {
        var errors = new List<SettingsError>();
        string? Str(JsonElement parent, string name, string at)
        {
            if (!parent.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind == JsonValueKind.String) return v.GetString();
            errors.Add(new($"{at}.{name}", "must be a string"));
            return null;
        }
        bool? Bool(string name)
        {
            if (!settings.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return null;
            if (v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
            errors.Add(new($"{path}.{name}", "must be true or false"));
            return null;
        }

        if (settings.ValueKind != JsonValueKind.Object) settings = JsonDocument.Parse("{}").RootElement;
        var credentials = settings.TryGetProperty("credentials", out var c) && c.ValueKind == JsonValueKind.Object
            ? new CredentialsSettings(Str(c, "client_id", $"{path}.credentials"), Str(c, "base_api_url", $"{path}.credentials"), Str(c, "client_scope", $"{path}.credentials"))
            : new CredentialsSettings(null, null, null);

        string? template = null;
        if (settings.TryGetProperty("export_template", out var t))
        {
            if (t.ValueKind == JsonValueKind.String) template = t.GetString();
            else if (t.ValueKind == JsonValueKind.Array && t.EnumerateArray().All(l => l.ValueKind == JsonValueKind.String))
                template = string.Join('\n', t.EnumerateArray().Select(l => l.GetString()));
            else if (t.ValueKind != JsonValueKind.Null) errors.Add(new($"{path}.export_template", "must be a string or a list of lines (strings)"));
        }
        var templateName = Str(settings, "export_template_name", path) ?? DefaultTemplates.LineLevelTaxation;
        if (template is null && DefaultTemplates.Find(templateName) is null)
            errors.Add(new($"{path}.export_template_name", $"must be one of {string.Join(", ", DefaultTemplates.Names)} (got \"{templateName}\")"));

        var submitText = Str(settings, "submit", path);
        SubmitMode submit = SubmitMode.Invoices;
        if (submitText is not null && !Enum.TryParse(submitText, ignoreCase: true, out submit))
            errors.Add(new($"{path}.submit", $"must be \"invoices\" (credit notes stay draft), \"always\" or \"never\" (got \"{submitText}\")"));

        var laterText = Str(settings, "later_step_message", path);
        var later = HookMessageType.Warning;
        if (laterText is not null && !Enum.TryParse(laterText, ignoreCase: true, out later))
            errors.Add(new($"{path}.later_step_message", $"must be \"warning\", \"error\" or \"info\" (got \"{laterText}\")"));

        var datapoints = new ExportDatapoints();
        if (settings.TryGetProperty("datapoints", out var d) && d.ValueKind == JsonValueKind.Object)
        {
            // null switches a write off; a string moves it to another schema id.
            string? Id(string name, string? current) =>
                d.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : null : current;
            datapoints = new ExportDatapoints
            {
                InvoiceId = Id("invoice_id", datapoints.InvoiceId),
                Status = Id("status", datapoints.Status),
                CreateStatusCode = Id("create_status_code", datapoints.CreateStatusCode),
                CreateResponse = Id("create_response", datapoints.CreateResponse),
                ImageScanStatusCode = Id("image_scan_status_code", datapoints.ImageScanStatusCode),
                ImageScanResponse = Id("image_scan_response", datapoints.ImageScanResponse),
                AttachmentStatusCode = Id("attachment_status_code", datapoints.AttachmentStatusCode),
                AttachmentResponse = Id("attachment_response", datapoints.AttachmentResponse),
                SubmitStatusCode = Id("submit_status_code", datapoints.SubmitStatusCode),
                SubmitResponse = Id("submit_response", datapoints.SubmitResponse),
            };
        }

        var result = new ExportSettings
        {
            Credentials = credentials,
            Template = template,
            TemplateName = templateName,
            Submit = submit,
            SubmitWhenField = Str(settings, "submit_when_field", path),
            AttachImageScan = Bool("attach_image_scan") ?? true,
            AttachLink = Bool("attach_link") ?? true,
            LaterStepMessage = later,
            Datapoints = datapoints,
            InvoiceNumberField = Str(settings, "invoice_number_field", path) ?? "document_id_manual",
            SupplierIdField = Str(settings, "supplier_id_field", path) ?? "sender_export",
        };
        if (errors.Count > 0) throw new SettingsValidationException(errors);
        return result;
    }
}
