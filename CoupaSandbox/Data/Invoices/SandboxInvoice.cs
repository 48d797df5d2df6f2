using System.Text.Json.Nodes;

namespace CoupaSandbox;

/// <summary>A test's view of one invoice posted through the API: the document as GET /api/invoices/{id} returns it, plus
/// the uploads the JSON only describes (name, size, URL).</summary>
public sealed record SandboxInvoice(long Id, JsonObject Document, SandboxUpload? ImageScan, IReadOnlyList<JsonObject> Attachments, IReadOnlyList<SandboxUpload> AttachmentFiles)
{
    public string? InvoiceNumber => Document["invoice-number"]?.GetValue<string>();

    public string? Status => Document["status"]?.GetValue<string>();

    public long? SupplierId => Document["supplier"]?["id"]?.GetValue<long>();
}
