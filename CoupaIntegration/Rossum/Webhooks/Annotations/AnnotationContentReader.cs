using System.Text.Json;

namespace CoupaIntegration.Rossum.Webhooks.Annotations;

/// <summary>
/// Reads <c>annotation</c> and <c>document</c> of an annotation_content payload. Problems are collected with their
/// JSON path like the rest of the parser, so one answer lists them all.
/// </summary>
internal static class AnnotationContentReader
{
    public static (long Id, Uri? Url, string? Status, IReadOnlyList<AnnotationNode> Content) ReadAnnotation(JsonElement root, List<HookPayloadError> errors)
    {
        if (!root.TryGetProperty("annotation", out var annotation) || annotation.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new HookPayloadError("$.annotation", "is required (an object with id and content)"));
            return (0, null, null, []);
        }
        var id = annotation.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out var n) ? n : 0;
        if (id == 0) errors.Add(new HookPayloadError("$.annotation.id", "is required (an integer)"));
        var url = OptionalUrl(annotation, "url");
        var status = annotation.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
        IReadOnlyList<AnnotationNode> content = [];
        if (annotation.TryGetProperty("content", out var tree))
        {
            if (tree.ValueKind == JsonValueKind.Array) content = ReadNodes(tree, "$.annotation.content", errors);
            // annotation_status events carry a URL here; this reader serves annotation_content only.
            else errors.Add(new HookPayloadError("$.annotation.content", $"must be the content tree (a list), got {HookJsonReader.Describe(tree)}"));
        }
        else errors.Add(new HookPayloadError("$.annotation.content", "is required"));
        return (id, url, status, content);
    }

    public static AnnotationDocument ReadDocument(JsonElement root)
    {
        if (!root.TryGetProperty("document", out var document) || document.ValueKind != JsonValueKind.Object)
            return new AnnotationDocument(null, null, null, null, null);
        return new AnnotationDocument(
            document.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number && id.TryGetInt64(out var n) ? n : null,
            OptionalUrl(document, "url"),
            OptionalUrl(document, "content"),
            OptionalString(document, "original_file_name"),
            OptionalString(document, "mime_type"));
    }

    private static List<AnnotationNode> ReadNodes(JsonElement list, string path, List<HookPayloadError> errors)
    {
        var nodes = new List<AnnotationNode>();
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            var at = $"{path}[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new HookPayloadError(at, $"must be an object (got {HookJsonReader.Describe(item)})"));
                continue;
            }
            var schemaId = OptionalString(item, "schema_id");
            var category = OptionalString(item, "category") ?? AnnotationNode.Datapoint;
            if (schemaId is null)
            {
                errors.Add(new HookPayloadError($"{at}.schema_id", "is required"));
                continue;
            }
            var id = item.TryGetProperty("id", out var idValue) && idValue.ValueKind == JsonValueKind.Number && idValue.TryGetInt64(out var n) ? n : 0;
            string? value = null;
            if (item.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                && content.TryGetProperty("value", out var v))
                value = v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString(),
                    JsonValueKind.Null => null,
                    _ => v.GetRawText(),
                };
            var children = item.TryGetProperty("children", out var c) && c.ValueKind == JsonValueKind.Array
                ? ReadNodes(c, $"{at}.children", errors)
                : [];
            nodes.Add(new AnnotationNode(id, schemaId, category, value, children));
        }
        return nodes;
    }

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri? OptionalUrl(JsonElement element, string name) =>
        OptionalString(element, name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;
}
