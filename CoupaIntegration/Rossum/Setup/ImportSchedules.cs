using CoupaIntegration.Scheduling;
using Cronos;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// When each import hook runs (<c>config.schedule.cron</c>, UTC, five fields; Rossum allows no interval under
/// 10 minutes: VERIFIED). Modelled on the CIB hooks (purchase orders every 15 minutes, suppliers and most reference
/// data every 2 hours, units of measure and payment terms daily) and staggered so no two start in the same minute.
/// </summary>
public static class ImportSchedules
{
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(10);

    private static readonly Dictionary<string, string> Defaults = new(StringComparer.Ordinal)
    {
        // Orders change all day and invoices are matched against them: the shortest interval.
        ["purchase_orders"] = "*/15 * * * *",
        ["purchase_order_lines"] = "7,22,37,52 * * * *",
        ["invoices"] = "11,41 * * * *",
        // Every 2 hours, each at its own minute.
        ["suppliers"] = "3 */2 * * *",
        ["supplier_remit_to_addresses"] = "26 */2 * * *",
        ["supplier_information"] = "49 */2 * * *",
        ["contracts"] = "34 */2 * * *",
        ["accounts"] = "18 */2 * * *",
        ["account_types"] = "56 */2 * * *",
        ["addresses"] = "29 */2 * * *",
        ["lookup_values"] = "13 */2 * * *",
        ["tax_codes"] = "44 */2 * * *",
        ["tax_registrations"] = "38 */2 * * *",
        // Slow-moving reference data: daily, at night (UTC).
        ["payment_terms"] = "5 1 * * *",
        ["currencies"] = "25 1 * * *",
        ["legal_entities"] = "35 1 * * *",
        ["units_of_measure"] = "10 2 * * *",
        ["exchange_rates"] = "5 6 * * *",
    };

    /// <summary>A type missing from the table (a new catalog entry) runs every 2 hours at minute 51.</summary>
    public static string For(string type) => Defaults.GetValueOrDefault(type, "51 */2 * * *");

    /// <summary>The reason an expression is not a schedule Rossum accepts, or null when it is.</summary>
    public static string? Problem(string cron)
    {
        if (cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length != 5)
            return "must have five fields (minute hour day month weekday), as Rossum's config.schedule.cron";
        CronExpression expression;
        try
        {
            expression = CronSchedule.Parse(cron);
        }
        catch (CronFormatException e)
        {
            return "is not valid cron: " + e.Message;
        }
        // Two days of occurrences cover every hour-of-day and day boundary pattern that matters here.
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var times = expression.GetOccurrences(start, start.AddDays(2), TimeZoneInfo.Utc).ToList();
        for (var i = 1; i < times.Count; i++)
            if (times[i] - times[i - 1] < MinimumInterval)
                return $"runs more often than every {MinimumInterval.TotalMinutes:0} minutes, which Rossum does not allow";
        return null;
    }
}
