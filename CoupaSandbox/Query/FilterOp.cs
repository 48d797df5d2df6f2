namespace CoupaSandbox.Query;

/// <summary>The bracket operators of coupa.md §4; no operator means exact match.</summary>
internal enum FilterOp
{
    Eq,
    NotEq,
    Gt,
    Lt,
    GtOrEq,
    LtOrEq,
    Contains,
    StartsWith,
    EndsWith,
    In,
    NotIn,
    Blank,
}
