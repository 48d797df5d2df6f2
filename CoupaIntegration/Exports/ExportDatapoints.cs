namespace CoupaIntegration.Exports;

/// <summary>
/// Schema ids the export writes its outcome into (settings <c>datapoints</c>); defaults are the CIB queue's. An
/// id the annotation's schema does not have is skipped, so a queue without them still exports.
/// </summary>
public sealed record ExportDatapoints
{
    public string? InvoiceId { get; init; } = "coupa_invoice_id";
    public string? Status { get; init; } = "api1_status";
    public string? CreateStatusCode { get; init; } = "api1_status_code";
    public string? CreateResponse { get; init; } = "api1_response_body";
    public string? ImageScanStatusCode { get; init; } = "api2_status_code";
    public string? ImageScanResponse { get; init; } = "api2_response_body";
    public string? AttachmentStatusCode { get; init; } = "api3_status_code";
    public string? AttachmentResponse { get; init; } = "api3_response_body";
    public string? SubmitStatusCode { get; init; } = "api4_status_code";
    public string? SubmitResponse { get; init; } = "api4_response_body";
}
