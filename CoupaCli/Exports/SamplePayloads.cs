using System.Globalization;
using System.Text.Json.Nodes;
using CoupaSandbox;

namespace CoupaCli.Exports;

/// <summary>
/// Small <c>annotation_content.export</c> payloads for the demo: the datapoints the built-in line-level mapping reads
/// plus the CIB outcome fields, filled with sandbox records that make a valid invoice or credit note.
/// </summary>
internal static class SamplePayloads
{
    public static JsonObject Create(InvoiceReferences r, string number, bool creditNote, long annotationId)
    {
        var nextId = annotationId * 1000;
        JsonObject Datapoint(string schemaId, string value) => new()
        {
            ["id"] = nextId++, ["schema_id"] = schemaId, ["category"] = "datapoint", ["content"] = new JsonObject { ["value"] = value },
        };
        JsonObject Row(params (string Key, string Value)[] cells) => new()
        {
            ["id"] = nextId++, ["schema_id"] = "line_item", ["category"] = "tuple",
            ["children"] = new JsonArray(cells.Select(c => (JsonNode)Datapoint(c.Key, c.Value)).ToArray()),
        };
        var sign = creditNote ? "-" : "";
        var header = new JsonArray(
            Datapoint("document_type", creditNote ? "credit_note" : "tax_invoice"),
            Datapoint("document_id_manual", number),
            Datapoint("date_issue_manual", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            Datapoint("sender_export", r.SupplierId.ToString(CultureInfo.InvariantCulture)),
            Datapoint("recipient_export", r.AccountTypeId.ToString(CultureInfo.InvariantCulture)),
            Datapoint("currency", r.CurrencyCode),
            Datapoint("amount_total", sign + "121.00"),
            Datapoint("original_document_id", creditNote ? "INV-0001" : ""),
            Datapoint("original_date_issue", creditNote ? "2026-01-15" : ""),
            Datapoint("rossum_tag", "rossum_demo"),
            Datapoint("coupa_invoice_id", ""),
            Datapoint("api1_status", ""),
            Datapoint("api1_status_code", ""));
        var lines = new JsonObject
        {
            ["id"] = nextId++, ["schema_id"] = "line_items", ["category"] = "multivalue",
            ["children"] = new JsonArray(
                Row(("item_description_export", "Widget"), ("item_quantity_export", sign + "2"), ("item_price_export", "25.00"),
                    ("item_uom_export", r.QuantityLineUomCode ?? "EA"), ("item_line_type", "InvoiceQuantityLine"),
                    ("item_order_id_calculated", r.PoNumber), ("item_po_line_number_match", r.QuantityLineNum),
                    ("item_tax_calculated", sign + "10.50"), ("item_rate_calculated", "21")),
                Row(("item_description_export", "Service"), ("item_price_export", sign + "50.00"), ("item_line_type", "InvoiceAmountLine"),
                    ("item_order_id_calculated", r.PoNumber), ("item_po_line_number_match", r.AmountLineNum),
                    ("item_tax_calculated", sign + "10.50"), ("item_rate_calculated", "21"))),
        };
        return new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["event"] = "annotation_content",
            ["action"] = "export",
            ["base_url"] = "https://example.rossum.app",
            ["settings"] = new JsonObject(),
            ["annotation"] = new JsonObject
            {
                ["id"] = annotationId,
                ["status"] = "exporting",
                ["content"] = new JsonArray(
                    new JsonObject { ["id"] = nextId++, ["schema_id"] = "general_info_section", ["category"] = "section", ["children"] = header },
                    new JsonObject { ["id"] = nextId++, ["schema_id"] = "line_items_section", ["category"] = "section", ["children"] = new JsonArray(lines) }),
            },
            ["document"] = new JsonObject { ["id"] = annotationId, ["original_file_name"] = $"{number}.pdf", ["mime_type"] = "application/pdf" },
        };
    }
}
