namespace CoupaIntegration.Telemetry;

/// <summary>
/// The hook a run came from, as a short bounded value for logs and metric tags: the numeric id of a Rossum hook URL
/// (<c>https://acme.rossum.app/api/v1/hooks/789</c> → <c>789</c>), a scheduled job as <c>schedule:&lt;name&gt;</c>,
/// <c>none</c> without a hook (the CLI). Never the whole URL, so a tag stays one value per hook.
/// </summary>
public static class HookIds
{
    public const string None = "none";
    public const string Unknown = "unknown";
    private const string SchedulePrefix = "schedule:";

    public static string From(Uri? hook) => From(hook?.ToString());

    public static string From(string? hook)
    {
        if (string.IsNullOrWhiteSpace(hook)) return None;
        if (hook.StartsWith(SchedulePrefix, StringComparison.Ordinal)) return hook;
        if (Uri.TryCreate(hook, UriKind.Absolute, out var url)
            && url.Segments[^1].TrimEnd('/') is { Length: > 0 } last && last.All(char.IsAsciiDigit))
            return last;
        return Unknown;
    }
}
