using System.Security.Cryptography;
using System.Text;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CoupaFunctions.Durable;

/// <summary>
/// Starts imports as Durable orchestrations and reports on them from the instance metadata. The instance id is
/// derived from the dataset key, so the task hub itself enforces one run per dataset: a second call while a run is
/// under way gets that run's ticket, and so the same polling URL. Built per invocation around the function's
/// <c>[DurableClient]</c>.
/// </summary>
public sealed class DurableImportRunLauncher(DurableTaskClient client, DurableOptions options) : IImportRunLauncher
{
    private const char NonceSeparator = '_';

    /// <summary><c>import-</c> + 16 hex characters of SHA-256 of the dataset key: stable, short, and free of characters instance ids dislike.</summary>
    public static string InstanceIdFor(string datasetKey) =>
        "import-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(datasetKey)))[..16];

    public async Task<ImportRunTicket> StartAsync(ImportJobRequest job, CancellationToken cancellationToken)
    {
        var instanceId = InstanceIdFor(job.DatasetKey);
        if (await RunningRunIdAsync(instanceId, cancellationToken) is { } running)
            return new ImportRunTicket(running, AlreadyRunning: true);

        var runId = instanceId + NonceSeparator + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var input = new ImportRunInput(runId, job, options.SliceSeconds, MaxRunTimeSeconds(job), options.SliceAttempts, options.SliceRetrySeconds);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(ImportOrchestration), input, new StartOrchestrationOptions(instanceId), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another call for the same dataset created the instance between our look and our start: follow its run.
            if (await RunningRunIdAsync(instanceId, cancellationToken) is { } winner)
                return new ImportRunTicket(winner, AlreadyRunning: true);
            throw;
        }
        return new ImportRunTicket(runId, AlreadyRunning: false);
    }

    public async Task<ImportRunReport?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var separator = runId.LastIndexOf(NonceSeparator);
        if (separator <= 0) return null;
        var metadata = await client.GetInstanceAsync(runId[..separator], getInputsAndOutputs: true, cancellationToken);
        // The instance id is reused by later runs of the dataset; the nonce tells this run from them.
        if (metadata?.ReadInputAs<ImportRunInput>() is not { } input || input.RunId != runId) return null;
        return DurableRunReports.From(metadata, input);
    }

    private async Task<string?> RunningRunIdAsync(string instanceId, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken);
        return metadata is { RuntimeStatus: OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended }
            ? metadata.ReadInputAs<ImportRunInput>()?.RunId
            : null;
    }

    /// <summary>The settings were validated by the handler (or at start-up for schedules); an unreadable value means no limit.</summary>
    private static int? MaxRunTimeSeconds(ImportJobRequest job)
    {
        try
        {
            return ImportSettingsParser.Parse(job.SettingsJson).JobRunSettings.MaxRunTimeSeconds;
        }
        catch (SettingsValidationException)
        {
            return null;
        }
    }
}
