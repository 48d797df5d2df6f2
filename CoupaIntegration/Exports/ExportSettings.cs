using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Webhooks.Responses;

namespace CoupaIntegration.Exports;

/// <summary>
/// The export hook's settings: the same <c>credentials</c> as the import hooks, the mapping (<c>export_template</c>,
/// a string or a list of lines, else the built-in <c>export_template_name</c>), when to submit, where to write
/// outcomes, and how a failure after the draft exists is shown (<c>later_step_message</c>, warning by default:
/// an error would move an annotation whose invoice already exists to failed export).
/// </summary>
public sealed record ExportSettings
{
    public required CredentialsSettings Credentials { get; init; }
    public string? Template { get; init; }
    public string TemplateName { get; init; } = DefaultTemplates.LineLevelTaxation;
    public SubmitMode Submit { get; init; } = SubmitMode.Invoices;
    /// <summary>A schema id whose value ("true", "yes", "1") must also hold to submit, e.g. CIB's <c>sf_submit_for_approval</c>.</summary>
    public string? SubmitWhenField { get; init; }
    public bool AttachImageScan { get; init; } = true;
    public bool AttachLink { get; init; } = true;
    public HookMessageType LaterStepMessage { get; init; } = HookMessageType.Warning;
    public ExportDatapoints Datapoints { get; init; } = new();
    /// <summary>Schema ids of invoice number and supplier id, for the lookup and the duplicate check.</summary>
    public string InvoiceNumberField { get; init; } = "document_id_manual";
    public string SupplierIdField { get; init; } = "sender_export";
}
