using CoupaIntegration.Common;
using CoupaIntegration.Imports;

namespace CoupaIntegration.Telemetry;

/// <summary>
/// How one call of the import engine ended. The figures count what this call did: a run resumed after a time limit,
/// a crash or a Durable slice counts only its own records, so adding them up over the calls of a run (or a day) is right.
/// </summary>
public sealed record ImportRunEnd(
    string RunId,
    string Function,
    string Dataset,
    string HookId,
    ImportRunStatus Status,
    FailureKind? FailureKind,
    int Attempt,
    bool Resumed,
    long RecordsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long Pages,
    long Retries,
    TimeSpan Duration,
    string? Error,
    DateTimeOffset? Checkpoint = null)
{
    public long RecordsWritten => Inserted + Updated;
}
