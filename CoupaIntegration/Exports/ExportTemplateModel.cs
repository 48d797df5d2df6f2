using System.Text.Json.Nodes;
using CoupaIntegration.Rossum.Webhooks.Annotations;

namespace CoupaIntegration.Exports;

/// <summary>
/// What a mapping template sees, as Rossum's export templates see it: <c>field.&lt;schema_id&gt;</c> (a datapoint's
/// value; a table as a list of rows whose cells are <c>item.&lt;schema_id&gt;</c>; a simple multivalue as a list of
/// values) and the raw <c>payload</c> — without its secrets and token, so no template can copy them into Coupa.
/// </summary>
public static class ExportTemplateModel
{
    private static readonly string[] HiddenPayloadKeys = ["secrets", "rossum_authorization_token"];

    public static JsonObject Build(AnnotationPayload payload)
    {
        var fields = new JsonObject();
        Collect(payload.Content, fields);
        var raw = JsonNode.Parse(payload.Raw.GetRawText())!.AsObject();
        foreach (var key in HiddenPayloadKeys) raw.Remove(key);
        return new JsonObject { ["field"] = fields, ["payload"] = raw };
    }

    private static void Collect(IEnumerable<AnnotationNode> nodes, JsonObject fields)
    {
        foreach (var node in nodes)
        {
            switch (node.Category)
            {
                case AnnotationNode.Multivalue:
                    if (!fields.ContainsKey(node.SchemaId)) fields[node.SchemaId] = Multivalue(node);
                    // A simple multivalue's first value is also reachable under its datapoint's own schema id.
                    Collect(node.Children.Where(c => c.IsDatapoint), fields);
                    break;
                case AnnotationNode.Datapoint:
                    // Rossum's first occurrence wins, as a schema id is unique outside tables.
                    if (!fields.ContainsKey(node.SchemaId)) fields[node.SchemaId] = node.Value ?? "";
                    break;
                default:
                    Collect(node.Children, fields);
                    break;
            }
        }
    }

    private static JsonArray Multivalue(AnnotationNode multivalue)
    {
        var items = new JsonArray();
        foreach (var child in multivalue.Children)
        {
            if (child.Category == AnnotationNode.Tuple)
            {
                var row = new JsonObject();
                foreach (var cell in child.Children.Where(c => c.IsDatapoint))
                    if (!row.ContainsKey(cell.SchemaId)) row[cell.SchemaId] = cell.Value ?? "";
                items.Add(row);
            }
            else if (child.IsDatapoint) items.Add(child.Value ?? "");
        }
        return items;
    }
}
