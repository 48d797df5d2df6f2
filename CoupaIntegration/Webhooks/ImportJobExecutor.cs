using System.Diagnostics;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using CoupaIntegration.Secrets;
using CoupaIntegration.Telemetry;
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
    RunTelemetry telemetry,
    ILogger<ImportJobExecutor> logger)
{
    /// <param name="budget">
    /// Time for this slice of the run (a Durable activity's share); the settings' max_run_time_s still bounds the whole.
    /// A run cut by the budget stops as <see cref="ImportRunStatus.TimedOut"/> and the next call resumes it.
    /// </param>
    public async Task<ImportSummary> RunAsync(ImportJobRequest job, TimeSpan? budget, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["Dataset"] = job.DatasetName, ["HookRequestId"] = job.RequestId, ["Hook"] = job.HookUrl });
        var clock = Stopwatch.StartNew();
        ImportPlan plan;
        IDataHub hub;
        try
        {
            var settings = ImportSettingsParser.Parse(job.SettingsJson);
            var payloadSecret = job.ProtectedCoupaSecret is { } protectedSecret ? protector.Unprotect(protectedSecret) : null;
            var secret = await coupaSecrets.ResolveAsync(settings.Credentials, payloadSecret, cancellationToken);
            plan = jobs.Plan(job.Type, settings, secret) with { HookId = HookIds.From(job.HookUrl) };
            hub = hubs.Create(job);
        }
        catch (IntegrationException e)
        {
            // Refused before the engine began (settings, a missing secret, a host off an allow-list): a failed run all the same.
            telemetry.ImportEnded(new ImportRunEnd(Guid.NewGuid().ToString("N")[..12], job.Type ?? ImportWebhookHandler.GenericFunction, job.DatasetName,
                HookIds.From(job.HookUrl), ImportRunStatus.Failed, e.Kind, 1, false, 0, 0, 0, 0, 0, 0, clock.Elapsed, e.Message));
            throw;
        }
        if (budget is { } slice && (plan.MaxRunTime is null || slice < plan.MaxRunTime))
            plan = plan with { MaxRunTime = slice };
        return await jobs.RunAsync(plan, hub, progress, cancellationToken);
    }
}
