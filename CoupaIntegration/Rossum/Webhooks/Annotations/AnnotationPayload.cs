using System.Text.Json;

namespace CoupaIntegration.Rossum.Webhooks.Annotations;

/// <summary>
/// An <c>annotation_content.*</c> call (initialize, updated, export, …): the annotation with its content tree and
/// the document. <see cref="Raw"/> is the whole body, so templates can read any attribute Rossum sends.
/// </summary>
public sealed record AnnotationPayload : HookPayload
{
    public required long AnnotationId { get; init; }

    public Uri? AnnotationUrl { get; init; }

    public string? Status { get; init; }

    public required AnnotationDocument Document { get; init; }

    /// <summary>Top-level sections of <c>annotation.content</c>.</summary>
    public required IReadOnlyList<AnnotationNode> Content { get; init; }

    /// <summary>The body as received minus <c>secrets</c> and <c>rossum_authorization_token</c>: what templates read as <c>payload</c>.</summary>
    public required JsonElement Raw { get; init; }

    /// <summary>Every node, depth first.</summary>
    public IEnumerable<AnnotationNode> AllNodes() => Flatten(Content);

    /// <summary>The first node with this schema id, if the schema has it.</summary>
    public AnnotationNode? Find(string schemaId) => AllNodes().FirstOrDefault(n => n.SchemaId == schemaId);

    /// <summary>The value of the first datapoint with this schema id; null when absent, "" when empty.</summary>
    public string? Value(string schemaId) => Find(schemaId) is { IsDatapoint: true } node ? node.Value ?? "" : null;

    private static IEnumerable<AnnotationNode> Flatten(IEnumerable<AnnotationNode> nodes)
    {
        foreach (var node in nodes)
        {
            yield return node;
            foreach (var child in Flatten(node.Children)) yield return child;
        }
    }
}
