namespace CoupaSandbox.Query;

/// <summary>Operator names as they appear in brackets, in underscore form.</summary>
internal static class FilterOps
{
    private static readonly Dictionary<string, FilterOp> ByName = new(StringComparer.Ordinal)
    {
        ["not_eq"] = FilterOp.NotEq, ["gt"] = FilterOp.Gt, ["lt"] = FilterOp.Lt, ["gt_or_eq"] = FilterOp.GtOrEq, ["lt_or_eq"] = FilterOp.LtOrEq,
        ["contains"] = FilterOp.Contains, ["starts_with"] = FilterOp.StartsWith, ["ends_with"] = FilterOp.EndsWith,
        ["in"] = FilterOp.In, ["not_in"] = FilterOp.NotIn, ["blank"] = FilterOp.Blank,
    };

    public static bool TryParse(string segment, out FilterOp op) => ByName.TryGetValue(Names.Underscore(segment), out op);

    public static bool IsText(this FilterOp op) => op is FilterOp.Contains or FilterOp.StartsWith or FilterOp.EndsWith;

    public static bool IsList(this FilterOp op) => op is FilterOp.In or FilterOp.NotIn;
}
