namespace CoupaIntegration.Scheduling;

/// <summary>
/// Imports the Function App starts on its own schedule, without a Rossum hook calling. Section "ScheduledImports".
/// App settings are flat strings, so each job's settings object is given as one JSON string.
/// </summary>
public sealed class ScheduledImportOptions
{
    public const string SectionName = "ScheduledImports";

    /// <summary>
    /// NCRONTAB (six fields, seconds first) of the timer that checks which jobs are due. The timer trigger reads it
    /// as <c>%ScheduledImports:TimerSchedule%</c>; it is validated here so a typo fails at start, naming the key.
    /// </summary>
    public string TimerSchedule { get; set; } = "0 */5 * * * *";

    public List<ScheduledImportJob> Jobs { get; set; } = [];
}
