namespace CoupaSandbox.Data;

/// <summary>How an attribute is compared, sorted and projected. Scalars carry their JSON type; only decimals (JSON strings)
/// and timestamps need a hint because their text would otherwise compare as plain strings.</summary>
internal enum FieldKind
{
    Scalar,
    Decimal,
    Timestamp,
    Object,
    List,
}
