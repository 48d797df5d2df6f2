using System.Text.Json.Nodes;
using CoupaIntegration.Coupa;
using CoupaIntegration.Rossum.Webhooks.Annotations;

namespace CoupaIntegration.Exports;

/// <summary>One export: the annotation, its settings, the Coupa connection and the rendered invoice JSON.</summary>
public sealed record ExportRequest(AnnotationPayload Payload, ExportSettings Settings, CoupaConnection Connection, JsonObject Invoice)
{
    public bool IsCreditNote =>
        Invoice["is-credit-note"] is JsonValue v && (v.TryGetValue<bool>(out var b) ? b : v.TryGetValue<string>(out var s) && s.Equals("true", StringComparison.OrdinalIgnoreCase))
        || (string?)Invoice["document-type"] is "Credit Note";

    public string? InvoiceNumber => Text(Invoice["invoice-number"]) ?? NullIfEmpty(Payload.Value(Settings.InvoiceNumberField));

    public string? SupplierId => Text(Invoice["supplier"]?["id"]) ?? NullIfEmpty(Payload.Value(Settings.SupplierIdField));

    private static string? Text(JsonNode? node) => node is JsonValue value
        ? NullIfEmpty(value.TryGetValue<string>(out var s) ? s : value.ToJsonString())
        : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
