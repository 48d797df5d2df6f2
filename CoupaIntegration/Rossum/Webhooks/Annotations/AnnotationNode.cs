namespace CoupaIntegration.Rossum.Webhooks.Annotations;

/// <summary>
/// One node of an annotation's content tree: a section, a multivalue (table or list), a tuple (table row) or a
/// datapoint. Only what the export needs is kept: ids to write back to, schema ids to map from, values.
/// </summary>
public sealed record AnnotationNode(long Id, string SchemaId, string Category, string? Value, IReadOnlyList<AnnotationNode> Children)
{
    public const string Datapoint = "datapoint";
    public const string Multivalue = "multivalue";
    public const string Tuple = "tuple";
    public const string Section = "section";

    public bool IsDatapoint => Category == Datapoint;
}
