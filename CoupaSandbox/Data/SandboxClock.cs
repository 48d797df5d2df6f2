using System.Globalization;

namespace CoupaSandbox.Data;

/// <summary>Renders instants the way Coupa does: ISO 8601, whole seconds, in the instance's own UTC offset.</summary>
internal sealed class SandboxClock(TimeSpan offset, TimeProvider time)
{
    public TimeSpan Offset => offset;

    /// <summary>Whole seconds, like Coupa's stored timestamps, so what is rendered is exactly what filters compare.
    /// Filter values are truncated the same way (see Literal), so "before = now; mutate; updated-at[gt_or_eq]=before"
    /// finds the change and "mutate; pin = now; updated-at[lt_or_eq]=pin" keeps it.</summary>
    public DateTimeOffset Now() => TruncateToSecond(time.GetUtcNow());

    public static DateTimeOffset TruncateToSecond(DateTimeOffset instant) => instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerSecond));

    public string Format(DateTimeOffset instant) =>
        instant.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Date-only attributes (need-by-date, invoice-date) are rendered as local midnight, as Coupa does.</summary>
    public string FormatDate(DateTimeOffset instant)
    {
        var local = instant.ToOffset(offset);
        return Format(new DateTimeOffset(local.Year, local.Month, local.Day, 0, 0, 0, offset));
    }

    public static TimeSpan ParseOffset(string? text)
    {
        string value = (text ?? "").Trim();
        if (value.Length == 0 || value is "Z" or "z" or "UTC")
            return TimeSpan.Zero;
        bool negative = value.StartsWith('-');
        string digits = value.TrimStart('+', '-');
        if (!TimeSpan.TryParseExact(digits, ["hh\\:mm", "hhmm", "hh"], CultureInfo.InvariantCulture, out var span))
            throw new ArgumentException($"UtcOffset '{text}' is not an offset like -08:00.");
        return negative ? -span : span;
    }
}
