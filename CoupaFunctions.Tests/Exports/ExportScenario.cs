using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Exports;

/// <summary>
/// The export webhook on loopback (<see cref="WebhookHarness"/>): sandbox Coupa, Rossum fake with the original
/// document, and payloads built from a CIB queue schema with references the sandbox knows.
/// </summary>
public sealed class ExportScenario : IAsyncDisposable
{
    public static readonly byte[] Pdf = "%PDF-1.4 sample invoice"u8.ToArray();

    private ExportScenario(WebhookHarness harness, AnnotationPayloads payloads, long documentId)
    {
        Harness = harness;
        Payloads = payloads;
        DocumentId = documentId;
        References = harness.Sandbox.Data.ValidInvoiceReferences();
    }

    public WebhookHarness Harness { get; }
    public AnnotationPayloads Payloads { get; }
    public long DocumentId { get; }
    public CoupaSandbox.InvoiceReferences References { get; }

    public static async Task<ExportScenario> StartAsync(string schema = AnnotationPayloads.LineLevel, IDictionary<string, string?>? settings = null)
    {
        var payloads = AnnotationPayloads.FromSchema(schema);
        var harness = await WebhookHarness.StartAsync(settings: settings);
        var document = harness.Rossum.Documents.Add(Pdf, fileName: "invoice-7001.pdf");
        return new ExportScenario(harness, payloads, document.Id);
    }

    public JsonObject Settings(Action<JsonObject>? change = null)
    {
        var settings = new JsonObject
        {
            ["credentials"] = new JsonObject { ["base_api_url"] = Harness.Sandbox.Server.BaseUrl.ToString(), ["client_id"] = Harness.Sandbox.Client.ClientId },
        };
        change?.Invoke(settings);
        return settings;
    }

    public JsonObject Invoice(string number = "INV-7001", bool credit = false, JsonObject? settings = null, long? documentId = null,
        string? clientSecret = "", string action = "export", Action<Dictionary<string, string>>? values = null)
    {
        var r = References;
        var fields = credit
            ? AnnotationPayloads.CreditNoteValues(number, r.SupplierId.ToString(), r.AccountTypeId.ToString(), r.CurrencyCode)
            : AnnotationPayloads.InvoiceValues(number, r.SupplierId.ToString(), r.AccountTypeId.ToString(), r.CurrencyCode);
        values?.Invoke(fields);
        var sign = credit ? "-" : "";
        IReadOnlyList<IDictionary<string, string>> lines =
        [
            new Dictionary<string, string>
            {
                ["item_description_export"] = "Widget", ["item_quantity_export"] = sign + "2", ["item_price_export"] = "25.00",
                ["item_uom_export"] = r.QuantityLineUomCode ?? "EA", ["item_line_type"] = "InvoiceQuantityLine",
                ["item_order_id_calculated"] = r.PoNumber, ["item_po_line_number_match"] = r.QuantityLineNum,
                ["item_tax_calculated"] = sign + "10.50", ["item_rate_calculated"] = "21",
            },
            new Dictionary<string, string>
            {
                ["item_description_export"] = "Service", ["item_price_export"] = sign + "50.00", ["item_line_type"] = "InvoiceAmountLine",
                ["item_order_id_calculated"] = r.PoNumber, ["item_po_line_number_match"] = r.AmountLineNum,
                ["item_tax_calculated"] = sign + "10.50", ["item_rate_calculated"] = "21",
            },
        ];
        return Payloads.Build(fields, lines, rossumBaseUrl: Harness.Rossum.BaseUrl, documentId: documentId ?? DocumentId, token: Harness.RossumToken,
            settings: settings ?? Settings(), clientSecret: clientSecret == "" ? Harness.Sandbox.Client.ClientSecret : clientSecret, action: action);
    }

    public async Task<JsonObject> ExportAsync(JsonObject payload, string path = "/api/export/invoice")
    {
        var answer = await Harness.PostAsync(path, payload);
        Assert.True(answer.Status == System.Net.HttpStatusCode.OK, $"{answer.Status}: {answer.Text}");
        return JsonNode.Parse(answer.Text)!.AsObject();
    }

    /// <summary>The value a replace operation writes into the datapoint of this schema id, if any.</summary>
    public string? Written(JsonObject response, string schemaId) =>
        Payloads.Ids.TryGetValue(schemaId, out var id)
            ? response["operations"]!.AsArray().LastOrDefault(o => (string?)o!["op"] == "replace" && (long)o["id"]! == id)?["value"]?["content"]?["value"]?.GetValue<string>()
            : null;

    public static IEnumerable<(string Type, string Content)> Messages(JsonObject response) =>
        response["messages"]!.AsArray().Select(m => ((string)m!["type"]!, (string)m["content"]!));

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
