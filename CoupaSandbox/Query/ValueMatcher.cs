using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaSandbox.Data;

namespace CoupaSandbox.Query;

/// <summary>Compares one scalar attribute value with a filter literal: timestamps as instants, numbers and decimal
/// strings numerically, booleans as booleans, everything else as ordinal strings. Null only matches [blank]=true,
/// like SQL (null never equals nor differs from anything).</summary>
internal static class ValueMatcher
{
    public static bool IsBlank(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetValue<string>()),
        _ => false,
    };

    public static bool Matches(JsonNode? node, FilterCondition c)
    {
        if (c.Op == FilterOp.Blank)
            return IsBlank(node) == c.Value.Bool;
        if (node is not JsonValue value || value.GetValueKind() == JsonValueKind.Null)
            return false;
        return c.Op switch
        {
            FilterOp.Eq => Compare(value, c.Value, c.Kind) == 0,
            FilterOp.NotEq => Compare(value, c.Value, c.Kind) is int r && r != 0,
            FilterOp.Gt => Compare(value, c.Value, c.Kind) > 0,
            FilterOp.Lt => Compare(value, c.Value, c.Kind) < 0,
            FilterOp.GtOrEq => Compare(value, c.Value, c.Kind) >= 0,
            FilterOp.LtOrEq => Compare(value, c.Value, c.Kind) <= 0,
            FilterOp.In => c.Items.Any(item => Compare(value, item, c.Kind) == 0),
            FilterOp.NotIn => c.Items.All(item => Compare(value, item, c.Kind) is int r && r != 0),
            FilterOp.Contains => Text(value).Contains(c.Value.Text, StringComparison.Ordinal),
            FilterOp.StartsWith => Text(value).StartsWith(c.Value.Text, StringComparison.Ordinal),
            FilterOp.EndsWith => Text(value).EndsWith(c.Value.Text, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>Sign of value - literal, or null when the two cannot be compared (never matches). A null kind means a nested
    /// attribute of unknown type: then timestamp-looking and numeric-looking text is compared by meaning.</summary>
    private static int? Compare(JsonValue value, Literal literal, FieldKind? kind)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.Number:
                return literal.Number is decimal n && TryDecimal(value, out var d) ? d.CompareTo(n) : null;
            case JsonValueKind.True or JsonValueKind.False:
                return literal.Bool is bool b ? (value.GetValueKind() == JsonValueKind.True).CompareTo(b) : null;
            case JsonValueKind.String:
                string text = value.GetValue<string>();
                if (kind == FieldKind.Timestamp || (kind is null && literal.Instant is not null && Instants.LooksLikeTimestamp(text)))
                    return literal.Instant is DateTimeOffset i && Instants.TryParse(text, out var t) ? t.CompareTo(i) : null;
                if (kind is null or FieldKind.Decimal && literal.Number is decimal ln
                    && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dv))
                    return dv.CompareTo(ln);
                return Math.Sign(string.CompareOrdinal(text, literal.Text));
            default:
                return null;
        }
    }

    public static bool TryDecimal(JsonValue value, out decimal result)
    {
        if (value.TryGetValue<long>(out var l)) { result = l; return true; }
        if (value.TryGetValue<int>(out var i)) { result = i; return true; }
        if (value.TryGetValue<decimal>(out result)) return true;
        if (value.TryGetValue<double>(out var dbl)) { result = (decimal)dbl; return true; }
        return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out result);
    }

    public static string Text(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
}
