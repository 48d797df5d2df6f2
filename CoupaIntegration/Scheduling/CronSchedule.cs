using Cronos;

namespace CoupaIntegration.Scheduling;

/// <summary>Cron expressions as this app accepts them: five fields (Rossum's hook schedule) or six with seconds first.</summary>
public static class CronSchedule
{
    /// <exception cref="CronFormatException">The expression is not valid cron.</exception>
    public static CronExpression Parse(string expression)
    {
        var trimmed = expression.Trim();
        var fields = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(trimmed, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }

    /// <summary>Whether the schedule has an occurrence in (<paramref name="after"/>, <paramref name="until"/>], in UTC.</summary>
    public static bool HasOccurrence(CronExpression cron, DateTimeOffset after, DateTimeOffset until) =>
        cron.GetNextOccurrence(after, TimeZoneInfo.Utc) is { } next && next <= until;
}
