using System.Globalization;
using CoupaSandbox.Data;

namespace CoupaSandbox.Query;

/// <summary>A filter value with every interpretation worked out once per request, not once per record.</summary>
internal sealed class Literal
{
    private Literal(string text)
    {
        Text = text;
        // Coupa keeps whole seconds; a fraction in a filter value is dropped rather than making [gt_or_eq] miss a record
        // stamped earlier in that same second.
        if (Instants.TryParse(text, out var instant))
            Instant = SandboxClock.TruncateToSecond(instant);
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            Number = number;
        Bool = text.ToLowerInvariant() switch { "true" or "1" => true, "false" or "0" => false, _ => null };
    }

    public string Text { get; }

    public DateTimeOffset? Instant { get; }

    public decimal? Number { get; }

    public bool? Bool { get; }

    public static Literal Parse(string text) => new(text);
}
