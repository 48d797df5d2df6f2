using System.Text.Json.Nodes;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>
/// <c>annotation_content</c> payloads built from a real CIB queue schema (read in place from ../shared): every
/// section, datapoint, table and simple multivalue of the schema, with the values a test gives and "" elsewhere,
/// datapoint ids numbered from 1000 so a test can find where an operation writes.
/// </summary>
public sealed class AnnotationPayloads
{
    public const string LineLevel = "line-level-taxation";
    public const string HeaderLevel = "header-level-taxation";

    private readonly JsonArray _schema;

    private AnnotationPayloads(JsonArray schema) => _schema = schema;

    /// <summary>The schema's content, or a skip naming the missing file.</summary>
    public static AnnotationPayloads FromSchema(string name)
    {
        var file = Path.Combine(SharedFolder.RequirePath(), "fixtures", "cib", $"queue-schema-{name}.json");
        if (!File.Exists(file)) Assert.Skip($"Shared fixture {file} not found.");
        return new AnnotationPayloads(JsonNode.Parse(File.ReadAllText(file))!["content"]!.AsArray());
    }

    /// <summary>Datapoint id by schema id (first occurrence) of the last built payload.</summary>
    public Dictionary<string, long> Ids { get; } = new(StringComparer.Ordinal);

    public JsonObject Build(IDictionary<string, string> values, IReadOnlyList<IDictionary<string, string>>? lineItems = null,
        long annotationId = 4_100_001, Uri? rossumBaseUrl = null, long? documentId = null, string? token = null,
        JsonObject? settings = null, string? clientSecret = null, string action = "export")
    {
        Ids.Clear();
        var nextId = 1000L;
        var baseUrl = rossumBaseUrl ?? new Uri("https://example.rossum.app/");
        JsonNode Node(JsonObject schema, IDictionary<string, string> cells)
        {
            var id = nextId++;
            var schemaId = (string)schema["id"]!;
            var category = (string)schema["category"]!;
            Ids.TryAdd(schemaId, id);
            var node = new JsonObject { ["id"] = id, ["schema_id"] = schemaId, ["category"] = category };
            switch (category)
            {
                case "datapoint":
                    node["content"] = new JsonObject { ["value"] = cells.TryGetValue(schemaId, out var v) ? v : "", ["page"] = 1 };
                    break;
                case "multivalue":
                    var template = schema["children"]!.AsObject();
                    var children = new JsonArray();
                    if ((string)template["category"]! == "tuple")
                    {
                        foreach (var row in schemaId == "line_items" ? lineItems ?? [] : [])
                            children.Add(Node(template, row));
                    }
                    else children.Add(Node(template, cells));
                    node["children"] = children;
                    break;
                default:
                    node["children"] = new JsonArray(schema["children"]!.AsArray().Select(c => Node(c!.AsObject(), cells)).ToArray());
                    break;
            }
            return node;
        }

        var content = new JsonArray(_schema.Select(s => Node(s!.AsObject(), values)).ToArray());
        var payload = new JsonObject
        {
            ["request_id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = "2026-12-03T10:00:00.000000Z",
            ["hook"] = new Uri(baseUrl, "api/v1/hooks/418430").ToString(),
            ["event"] = "annotation_content",
            ["action"] = action,
            ["base_url"] = baseUrl.GetLeftPart(UriPartial.Authority),
            ["settings"] = settings ?? new JsonObject(),
            ["annotation"] = new JsonObject
            {
                ["id"] = annotationId,
                ["url"] = new Uri(baseUrl, $"api/v1/annotations/{annotationId}").ToString(),
                ["status"] = "exporting",
                ["automated"] = false,
                ["content"] = content,
            },
            ["document"] = new JsonObject
            {
                ["id"] = documentId ?? 3_000_001,
                ["url"] = new Uri(baseUrl, $"api/v1/documents/{documentId ?? 3_000_001}").ToString(),
                ["content"] = new Uri(baseUrl, $"api/v1/documents/{documentId ?? 3_000_001}/content").ToString(),
                ["original_file_name"] = "invoice.pdf",
                ["mime_type"] = "application/pdf",
            },
            ["updated_datapoints"] = new JsonArray(),
        };
        if (token is not null) payload["rossum_authorization_token"] = token;
        if (clientSecret is not null) payload["secrets"] = new JsonObject { ["client_secret"] = clientSecret };
        return payload;
    }

    /// <summary>An invoice with two lines, as the CIB formulas would leave it for export.</summary>
    public static Dictionary<string, string> InvoiceValues(string number = "INV-7001", string supplierId = "1", string accountTypeId = "1", string currency = "USD") => new()
    {
        ["document_type"] = "tax_invoice",
        ["document_id_manual"] = number,
        ["date_issue_manual"] = "2026-11-30",
        ["sender_export"] = supplierId,
        ["recipient_export"] = accountTypeId,
        ["currency"] = currency,
        ["amount_total"] = "121.00",
        ["amount_total_tax_calculated"] = "21.00",
        ["rossum_tag"] = "rossum_draft",
    };

    public static Dictionary<string, string> CreditNoteValues(string number = "CN-7001", string supplierId = "1", string accountTypeId = "1", string currency = "USD")
    {
        var values = InvoiceValues(number, supplierId, accountTypeId, currency);
        values["document_type"] = "credit_note";
        values["amount_total"] = "-121.00";
        values["amount_total_tax_calculated"] = "-21.00";
        values["original_document_id"] = "INV-6001";
        values["original_date_issue"] = "2026-10-01";
        return values;
    }

    public static IReadOnlyList<IDictionary<string, string>> Lines(bool credit = false) =>
    [
        new Dictionary<string, string>
        {
            ["item_description_export"] = "Widget \"large\"", ["item_quantity_export"] = credit ? "-2" : "2", ["item_price_export"] = "25.00",
            ["item_uom_export"] = "EA", ["item_line_type"] = "InvoiceQuantityLine", ["item_tax_calculated"] = credit ? "-10.50" : "10.50", ["item_rate_calculated"] = "21",
        },
        new Dictionary<string, string>
        {
            ["item_description_export"] = "Service", ["item_price_export"] = credit ? "-50.00" : "50.00",
            ["item_line_type"] = "InvoiceAmountLine", ["item_tax_calculated"] = credit ? "-10.50" : "10.50", ["item_rate_calculated"] = "21", ["item_tax_code_match"] = "5",
        },
    ];
}
