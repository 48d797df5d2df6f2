using System.Text;
using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Rossum.Webhooks;
using CoupaIntegration.Rossum.Webhooks.Annotations;

namespace CoupaFunctions.Tests.Rossum.Webhooks;

/// <summary>annotation_content payloads, built from the CIB queue schemas, read into the annotation payload type.</summary>
public sealed class AnnotationPayloadParserTests
{
    private static AnnotationPayload Parse(JsonObject payload) => HookPayloadParser.ParseAnnotation(Encoding.UTF8.GetBytes(payload.ToJsonString()));

    [Theory]
    [InlineData(AnnotationPayloads.LineLevel)]
    [InlineData(AnnotationPayloads.HeaderLevel)]
    public void ExportPayload_FromTheQueueSchema_KeepsTreeIdsValuesAndDocument(string schema)
    {
        var payloads = AnnotationPayloads.FromSchema(schema);
        var json = payloads.Build(AnnotationPayloads.InvoiceValues(), AnnotationPayloads.Lines(), token: "tok-1", clientSecret: "cs-1");

        var payload = Parse(json);

        Assert.Equal("annotation_content.export", payload.Name);
        Assert.Equal(4_100_001, payload.AnnotationId);
        Assert.Equal("INV-7001", payload.Value("document_id_manual"));
        Assert.Equal(payloads.Ids["coupa_invoice_id"], payload.Find("coupa_invoice_id")!.Id);
        Assert.Equal("", payload.Value("coupa_invoice_id"));
        Assert.Null(payload.Value("no_such_field"));
        var table = payload.Find("line_items")!;
        Assert.Equal(AnnotationNode.Multivalue, table.Category);
        Assert.Equal(2, table.Children.Count);
        Assert.All(table.Children, row => Assert.Equal(AnnotationNode.Tuple, row.Category));
        Assert.EndsWith("/api/v1/documents/3000001/content", payload.Document.ContentUrl!.ToString());
        Assert.Equal("invoice.pdf", payload.Document.OriginalFileName);
        Assert.Equal("***", payload.RossumAuthorizationToken!.ToString());
        Assert.DoesNotContain("cs-1", payload.ToString());
    }

    [Fact]
    public void MissingAnnotationOrContent_IsABadRequestNamingThePaths()
    {
        var error = Assert.Throws<HookPayloadException>(() => HookPayloadParser.ParseAnnotation(Encoding.UTF8.GetBytes(
            """{"event":"annotation_content","action":"export","base_url":"https://x.rossum.app","annotation":{"content":"https://x.rossum.app/api/v1/annotations/1/content"}}""")));

        Assert.Equal(["$.annotation.content", "$.annotation.id"], error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void InvocationPayload_AtAnAnnotationEndpoint_IsRefused()
    {
        var error = Assert.Throws<HookPayloadException>(() => HookPayloadParser.ParseAnnotation(Encoding.UTF8.GetBytes(
            """{"event":"invocation","action":"manual","base_url":"https://x.rossum.app"}""")));

        Assert.Contains("$.event must be \"annotation_content\" at this endpoint", error.Message);
    }
}
