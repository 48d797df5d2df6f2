using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaSandbox.Data;

namespace CoupaSandbox.Query;

/// <summary>A comparable form of an attribute value: nulls first, then booleans, numbers, instants and text.</summary>
internal readonly record struct SortKey(int Rank, decimal Number, long Ticks, string? Text) : IComparable<SortKey>
{
    /// <summary>Instants are whole seconds, so records touched in the same second tie (and then shuffle).</summary>
    public static SortKey FromInstant(DateTimeOffset instant) => new(3, 0, instant.UtcTicks, null);

    public static SortKey From(JsonNode? node, FieldKind kind)
    {
        if (node is not JsonValue value)
            return new SortKey(0, 0, 0, null);
        switch (value.GetValueKind())
        {
            case JsonValueKind.True or JsonValueKind.False:
                return new SortKey(1, value.GetValueKind() == JsonValueKind.True ? 1 : 0, 0, null);
            case JsonValueKind.Number:
                return ValueMatcher.TryDecimal(value, out var number) ? new SortKey(2, number, 0, null) : new SortKey(0, 0, 0, null);
            case JsonValueKind.String:
                string text = value.GetValue<string>();
                if (kind == FieldKind.Timestamp && Instants.TryParse(text, out var instant))
                    return FromInstant(instant);
                if (kind == FieldKind.Decimal && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var dec))
                    return new SortKey(2, dec, 0, null);
                return new SortKey(4, 0, 0, text);
            default:
                return new SortKey(0, 0, 0, null);
        }
    }

    public int CompareTo(SortKey other)
    {
        if (Rank != other.Rank)
            return Rank.CompareTo(other.Rank);
        return Rank switch
        {
            1 or 2 => Number.CompareTo(other.Number),
            3 => Ticks.CompareTo(other.Ticks),
            4 => string.CompareOrdinal(Text, other.Text),
            _ => 0,
        };
    }
}
