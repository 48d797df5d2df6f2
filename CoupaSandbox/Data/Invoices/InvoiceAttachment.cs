using System.Text.Json;

namespace CoupaSandbox.Data.Invoices;

/// <summary>One stored attachment: the JSON Coupa returns (kept as an immutable element, safe across request threads) and
/// the uploaded file when it was a file attachment.</summary>
internal sealed record InvoiceAttachment(JsonElement Json, SandboxUpload? File);
