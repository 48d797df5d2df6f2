namespace CoupaSandbox.Data;

/// <summary>One top-level attribute of a resource. Attributes are built one at a time so filters, sorting and
/// <c>fields</c> projections only pay for the attributes they touch.</summary>
internal sealed record FieldDef(string Name, FieldKind Kind, FieldBuilder Build)
{
    public bool IsAssociation => Kind is FieldKind.Object or FieldKind.List;
}
