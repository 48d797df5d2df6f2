using CoupaIntegration.Imports;
using CoupaIntegration.Secrets;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// Executes (or resumes) a job handed over by a webhook, wherever it runs: re-validates the settings, resolves the
/// Coupa secret (payload, then Key Vault), opens the data hub and runs the import, at most for <c>budget</c>.
/// </summary>
public sealed class ImportJobExecutor(
    ImportJobs jobs,
    IPayloadProtector protector,
    CoupaSecretResolver coupaSecrets,
    IJobDataHubFactory hubs,
    ILogger<ImportJobExecutor> logger)
{
    /// <param name="budget">
    /// Time for this slice of the run (a Durable activity's share); the settings' max_run_time_s still bounds the whole.
    /// A run cut by the budget stops as <see cref="ImportRunStatus.TimedOut"/> and the next call resumes it.
    /// </param>
    public async Task<ImportSummary> RunAsync(ImportJobRequest job, TimeSpan? budget, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Dataset"] = job.DatasetName, ["HookRequestId"] = job.RequestId, ["Hook"] = job.HookUrl });
        var settings = ImportSettingsParser.Parse(job.SettingsJson);
        var payloadSecret = job.ProtectedCoupaSecret is { } protectedSecret ? protector.Unprotect(protectedSecret) : null;
        var secret = await coupaSecrets.ResolveAsync(settings.Credentials, payloadSecret, cancellationToken);
        var plan = jobs.Plan(job.Type, settings, secret);
        if (budget is { } slice && (plan.MaxRunTime is null || slice < plan.MaxRunTime))
            plan = plan with { MaxRunTime = slice };
        return await jobs.RunAsync(plan, hubs.Create(job), progress, cancellationToken);
    }
}
