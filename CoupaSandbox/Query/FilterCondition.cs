using CoupaSandbox.Data;

namespace CoupaSandbox.Query;

/// <summary>One parsed filter such as <c>remit-to-addresses[updated-at][gt_or_eq]=2024-01-01</c>:
/// Field "remit-to-addresses", Path ["updated-at"], Op GtOrEq. Kind is the top-level attribute's kind, or null for nested
/// attributes whose type is only known from their values.</summary>
internal sealed record FilterCondition(string Key, string Field, IReadOnlyList<string> Path, FilterOp Op, FieldKind? Kind, Literal Value, IReadOnlyList<Literal> Items)
{
    /// <summary>id, created-at and updated-at are known without building the record; they are checked first.</summary>
    public bool IsCheap => Path.Count == 0 && Field is "id" or "created-at" or "updated-at";
}
