using CoupaIntegration.Webhooks;

namespace CoupaFunctions.Durable;

/// <summary>
/// The orchestration's input: the job (secrets still protected) and every limit it needs, fixed at start so
/// replays decide the same way whatever the settings say later.
/// </summary>
/// <param name="RunId">The id the polling URL carries: the instance id plus a nonce, so an old link never shows a newer run.</param>
/// <param name="MaxRunTimeSeconds">The settings' job_run_settings.max_run_time_s; null runs until done.</param>
public sealed record ImportRunInput(
    string RunId,
    ImportJobRequest Job,
    double SliceSeconds,
    int? MaxRunTimeSeconds,
    int SliceAttempts,
    double SliceRetrySeconds);
