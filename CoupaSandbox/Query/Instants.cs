using System.Globalization;

namespace CoupaSandbox.Query;

/// <summary>Timestamp parsing for filters: "2024-01-01", "...T00:00:00Z", "...+01:00"; no zone means UTC (coupa.md §4).</summary>
internal static class Instants
{
    private const string Rendered = "yyyy-MM-dd'T'HH:mm:sszzz";

    public static bool LooksLikeTimestamp(string text) =>
        text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[3]) && text[4] == '-' && text[7] == '-';

    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim();
        if (!LooksLikeTimestamp(text))
            return false;
        // Fast path for the format the sandbox itself renders.
        if (DateTimeOffset.TryParseExact(text, Rendered, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
            return true;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
