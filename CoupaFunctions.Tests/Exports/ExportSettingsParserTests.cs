using System.Text.Json;
using CoupaIntegration.Exports;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Webhooks.Responses;

namespace CoupaFunctions.Tests.Exports;

public sealed class ExportSettingsParserTests
{
    private static ExportSettings Parse(string json) => ExportSettingsParser.Parse(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Defaults_AreTheCibBehaviour()
    {
        var settings = Parse("{}");

        Assert.Equal(DefaultTemplates.LineLevelTaxation, settings.TemplateName);
        Assert.Equal(SubmitMode.Invoices, settings.Submit);
        Assert.Equal(HookMessageType.Warning, settings.LaterStepMessage);
        Assert.Equal("coupa_invoice_id", settings.Datapoints.InvoiceId);
        Assert.Equal("api1_status_code", settings.Datapoints.CreateStatusCode);
    }

    [Fact]
    public void TemplateAsLines_IsJoined()
    {
        var settings = Parse("""{"export_template": ["{", "\"a\": 1", "}"]}""");

        Assert.Equal("{\n\"a\": 1\n}", settings.Template);
    }

    [Fact]
    public void EveryProblem_IsReportedWithItsPath()
    {
        var error = Assert.Throws<SettingsValidationException>(() => Parse(
            """{"export_template": 3, "submit": "sometimes", "later_step_message": "shout", "export_template_name": "x"}"""));

        Assert.Equal(["$.settings.export_template", "$.settings.export_template_name", "$.settings.later_step_message", "$.settings.submit"],
            error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }
}
