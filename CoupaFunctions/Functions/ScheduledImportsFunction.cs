using CoupaFunctions.Durable;
using CoupaIntegration.Scheduling;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace CoupaFunctions.Functions;

/// <summary>
/// Every few minutes (<c>ScheduledImports:TimerSchedule</c>): starts the scheduled imports whose cron fell due since
/// the last tick, through the same Durable launcher as the webhooks (one run per dataset holds across both).
/// </summary>
public sealed class ScheduledImportsFunction(ScheduledImportStarter starter, DurableLaunchers launchers, TimeProvider time)
{
    [Function(nameof(ScheduledImports))]
    public Task ScheduledImports([TimerTrigger("%ScheduledImports:TimerSchedule%")] TimerInfo timer, [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        starter.StartDueAsync(launchers.Create(client), LastTick(timer), time.GetUtcNow(), cancellationToken);

    /// <summary>The host records the last tick (UTC) when the schedule is monitored; none on the very first tick.</summary>
    private static DateTimeOffset? LastTick(TimerInfo timer) =>
        timer.ScheduleStatus is { Last: var last } && last > DateTime.MinValue ? new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) : null;
}
