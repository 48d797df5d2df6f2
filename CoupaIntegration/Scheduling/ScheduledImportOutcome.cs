namespace CoupaIntegration.Scheduling;

/// <summary>What one tick did with one due job: started it, or skipped it because its dataset was still running.</summary>
public sealed record ScheduledImportOutcome(string JobName, string Dataset, string RunId, bool Skipped);
