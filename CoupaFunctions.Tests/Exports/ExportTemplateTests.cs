using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Exports;
using CoupaIntegration.Rossum.Webhooks;

namespace CoupaFunctions.Tests.Exports;

public sealed class ExportTemplateTests
{
    private static async Task<JsonObject> RenderDefault(string schema, Dictionary<string, string> values, IReadOnlyList<IDictionary<string, string>>? lines)
    {
        var payloads = AnnotationPayloads.FromSchema(schema);
        var payload = HookPayloadParser.ParseAnnotation(System.Text.Encoding.UTF8.GetBytes(payloads.Build(values, lines, clientSecret: "s3cr3t-value").ToJsonString()));
        return await DefaultTemplates.Find(schema)!.RenderAsync(ExportTemplateModel.Build(payload));
    }

    [Fact]
    public async Task LineLevelDefault_RendersTheInvoiceWithLineTaxes()
    {
        var json = await RenderDefault(AnnotationPayloads.LineLevel, AnnotationPayloads.InvoiceValues(), AnnotationPayloads.Lines());

        Assert.Equal("INV-7001", (string?)json["invoice-number"]);
        Assert.Equal("1", (string?)json["supplier"]!["id"]);
        Assert.Equal("USD", (string?)json["currency"]!["code"]);
        Assert.True((bool)json["line-level-taxation"]!);
        Assert.False((bool)json["is-credit-note"]!);
        Assert.Equal("Invoice", (string?)json["document-type"]);
        var lines = json["invoice-lines"]!.AsArray();
        Assert.Equal(2, lines.Count);
        Assert.Equal("Widget \"large\"", (string?)lines[0]!["description"]);
        Assert.Equal("2", (string?)lines[0]!["quantity"]);
        Assert.Null(lines[1]!["quantity"]);
        Assert.Equal("5", (string?)lines[1]!["tax-lines"]![0]!["tax-code"]!["id"]);
        Assert.Null(json["invoice-charges"]);
        Assert.Equal("rossum_draft", (string?)json["taggings"]![0]!["tag"]!["name"]);
    }

    [Fact]
    public async Task HeaderLevelDefault_RendersHeaderTaxAndACreditNote()
    {
        var json = await RenderDefault(AnnotationPayloads.HeaderLevel, AnnotationPayloads.CreditNoteValues(), AnnotationPayloads.Lines(credit: true));

        Assert.False((bool)json["line-level-taxation"]!);
        Assert.True((bool)json["is-credit-note"]!);
        Assert.Equal("Credit Note", (string?)json["document-type"]);
        Assert.Equal("INV-6001", (string?)json["original-invoice-number"]);
        Assert.Equal("-21.00", (string?)json["tax-lines"]![0]!["amount"]);
        Assert.Null(json["invoice-lines"]![0]!["tax-lines"]);
    }

    [Fact]
    public async Task NoLineItems_FallsBackToTheHeaderLine()
    {
        var values = AnnotationPayloads.InvoiceValues();
        values["description_export"] = "Consulting";
        values["price_export"] = "100.00";
        values["line_type"] = "InvoiceAmountLine";
        var json = await RenderDefault(AnnotationPayloads.LineLevel, values, null);

        var line = Assert.Single(json["invoice-lines"]!.AsArray());
        Assert.Equal("Consulting", (string?)line!["description"]);
    }

    [Fact]
    public async Task PayloadIsReachable_ButNotItsSecrets()
    {
        var payloads = AnnotationPayloads.FromSchema(AnnotationPayloads.LineLevel);
        var payload = HookPayloadParser.ParseAnnotation(System.Text.Encoding.UTF8.GetBytes(
            payloads.Build(AnnotationPayloads.InvoiceValues(), null, clientSecret: "s3cr3t-value", token: "tok-123").ToJsonString()));
        var template = ExportTemplate.Parse("test", """
            { "annotation": {{ payload.annotation.id }}, "secret": "{{ payload.secrets.client_secret }}{{ payload.rossum_authorization_token }}",
              "lines": {{ field.line_items | size }}, "number": {{ field.document_id_manual | json }} }
            """);

        var json = await template.RenderAsync(ExportTemplateModel.Build(payload));

        Assert.Equal(4_100_001, (long)json["annotation"]!);
        Assert.Equal("", (string?)json["secret"]);
        Assert.Equal(0, (int)json["lines"]!);
        Assert.Equal("INV-7001", (string?)json["number"]);
    }

    [Fact]
    public async Task OutputThatIsNotJson_NamesTheTemplateLine()
    {
        var template = ExportTemplate.Parse("settings.export_template", "{\n  \"a\": 1,\n  \"b\": {{ field.missing }},\n  \"c\": 2\n}");

        var error = await Assert.ThrowsAsync<ExportTemplateException>(() => template.RenderAsync(new JsonObject { ["field"] = new JsonObject() }));

        Assert.Equal(3, error.TemplateLine);
        Assert.Contains("template line 3", error.Message);
    }

    [Fact]
    public void TemplateThatDoesNotParse_NamesTheLine()
    {
        var error = Assert.Throws<ExportTemplateException>(() => ExportTemplate.Parse("settings.export_template", "{\n \"a\": 1,\n {% if x %}\n}"));

        Assert.Contains("does not parse", error.Message);
        Assert.DoesNotContain("\u001F", error.Message);
    }
}
