using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Scheduling;

/// <summary>
/// On each timer tick: finds the jobs due since the last tick and starts each through the launcher. A job whose
/// dataset is still running (from an earlier tick or a hook call) is skipped, not queued: the running import
/// already covers it, and the next occurrence picks up whatever changed meanwhile.
/// </summary>
public sealed class ScheduledImportStarter(ImportCatalog catalog, IOptions<ScheduledImportOptions> options, ILogger<ScheduledImportStarter> logger)
{
    /// <summary>Looked back on the first tick (no last tick recorded) and at most after a long outage: start each job at most once.</summary>
    public static readonly TimeSpan FirstTickLookback = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxLookback = TimeSpan.FromDays(1);

    /// <summary>Jobs with an occurrence in (<paramref name="lastTick"/>, <paramref name="now"/>].</summary>
    public IReadOnlyList<ScheduledImportJob> DueJobs(DateTimeOffset? lastTick, DateTimeOffset now)
    {
        var since = lastTick ?? now - FirstTickLookback;
        if (since < now - MaxLookback) since = now - MaxLookback;
        return options.Value.Jobs.Where(job => CronSchedule.HasOccurrence(CronSchedule.Parse(job.Cron!), since, now)).ToList();
    }

    public async Task<IReadOnlyList<ScheduledImportOutcome>> StartDueAsync(IImportRunLauncher launcher, DateTimeOffset? lastTick, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outcomes = new List<ScheduledImportOutcome>();
        foreach (var job in DueJobs(lastTick, now))
        {
            var request = ScheduledImportRequests.ToRequest(catalog, job, now);
            var ticket = await launcher.StartAsync(request, cancellationToken);
            if (ticket.AlreadyRunning)
                logger.LogInformation("Scheduled import {ScheduledJob} of {Dataset} skipped: run {RunId} of the dataset is still running", job.Name, request.DatasetName, ticket.RunId);
            else
                logger.LogInformation("Scheduled import {ScheduledJob} of {Dataset} started as run {RunId}", job.Name, request.DatasetName, ticket.RunId);
            outcomes.Add(new ScheduledImportOutcome(job.Name!, request.DatasetName, ticket.RunId, ticket.AlreadyRunning));
        }
        return outcomes;
    }
}
