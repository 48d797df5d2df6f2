using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Coupa decimals: accepted as JSON strings or numbers, always answered as strings ("50.00", "2.0").</summary>
internal static class DecimalText
{
    public static bool TryRead(JsonNode? node, out decimal value)
    {
        value = 0m;
        if (node is not JsonValue v)
            return false;
        if (v.TryGetValue<string>(out var text))
            return decimal.TryParse(text.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out value);
        if (v.TryGetValue<JsonElement>(out var element))
            return element.ValueKind == JsonValueKind.Number && element.TryGetDecimal(out value);
        return v.TryGetValue(out value);
    }

    public static decimal? Read(JsonNode? node) => TryRead(node, out var value) ? value : null;

    public static string Money(decimal value) => value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>Quantities keep their precision with at least one decimal, as Coupa renders them ("2.0", "1.375").</summary>
    public static string Quantity(decimal value) => value.ToString("0.0###########", CultureInfo.InvariantCulture);
}
