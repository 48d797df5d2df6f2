using System.Text.Json.Nodes;
using CoupaIntegration.Rossum.Webhooks.Responses;

namespace CoupaFunctions.Tests.Rossum.Webhooks;

public sealed class HookResponseTests
{
    /// <summary>The example of Rossum's API reference, "Annotation content event response format".</summary>
    private const string RossumExample = """
        {"messages":[{"id":197467,"type":"error","content":"Invalid invoice number format"}],
         "operations":[
           {"op":"replace","id":198143,"value":{"content":{"value":"John","position":[103,110,121,122],"page":1},
                                                 "hidden":false,"options":[],"validation_sources":["human"]}},
           {"op":"remove","id":884061},
           {"op":"add","id":884060,"value":[{"schema_id":"item_description","content":{"value":"Bottle","page":1}}]}]}
        """;

    [Fact]
    public void Response_SerialisesExactlyAsRossumsDocumentedExample()
    {
        var response = new HookResponse()
            .Error("Invalid invoice number format", datapointId: 197467)
            .Replace(198143, new DatapointUpdate(new DatapointContent("John", Position: [103, 110, 121, 122], Page: 1), Hidden: false, Options: [], ValidationSources: ["human"]))
            .Remove(884061)
            .AddRow(884060, new NewDatapoint("item_description", new DatapointContent("Bottle", Page: 1)));

        var json = response.ToJson();

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(RossumExample), JsonNode.Parse(json)), json);
        // Property order as in Rossum's example: op, id, value.
        Assert.StartsWith("""{"messages":[{"id":197467,"type":"error",""", json);
        Assert.Contains("""{"op":"replace","id":198143,"value":""", json);
    }

    [Fact]
    public void EmptyResponse_StillCarriesBothLists() =>
        Assert.Equal("""{"messages":[],"operations":[]}""", new HookResponse().ToJson());

    [Fact]
    public void DocumentWideMessages_OmitTheId_AndKeepTheirDetail()
    {
        var json = new HookResponse()
            .Warning("Supplier not found in Coupa")
            .Info("Exported", detail: new JsonObject { ["coupa_invoice_id"] = 42 })
            .ToJson();

        Assert.Equal("""{"messages":[{"type":"warning","content":"Supplier not found in Coupa"},{"type":"info","content":"Exported","detail":{"coupa_invoice_id":42}}],"operations":[]}""", json);
    }

    [Fact]
    public void ReplaceValue_SetsValueAndNormalizedValueOnly() =>
        Assert.Equal("""{"messages":[],"operations":[{"op":"replace","id":7,"value":{"content":{"value":"01/02/2026","normalized_value":"2026-02-01"}}}]}""",
            new HookResponse().ReplaceValue(7, "01/02/2026", "2026-02-01").ToJson());

    [Fact]
    public void AddItem_ToASimpleMultivalue_IsASingleObject() =>
        Assert.Equal("""{"messages":[],"operations":[{"op":"add","id":9,"value":{"schema_id":"po_number","content":{"value":"PO-1"}}}]}""",
            new HookResponse().AddItem(9, new NewDatapoint("po_number", new DatapointContent("PO-1"))).ToJson());

    [Fact]
    public void AutomationBlockers_AppearOnlyWhenAdded()
    {
        Assert.DoesNotContain("automation_blockers", new HookResponse().Info("x").ToJson());
        Assert.EndsWith(""","automation_blockers":[{"content":"Duplicate invoice"},{"id":5,"content":"Check the amount"}]}""",
            new HookResponse().BlockAutomation("Duplicate invoice").BlockAutomation("Check the amount", 5).ToJson());
    }

    [Fact]
    public void HasErrors_IsTrueOnlyWithAnErrorMessage()
    {
        Assert.False(new HookResponse().Warning("w").Info("i").HasErrors);
        Assert.True(new HookResponse().Warning("w").Error("e").HasErrors);
    }
}
