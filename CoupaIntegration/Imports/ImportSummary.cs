namespace CoupaIntegration.Imports;

public enum ImportRunStatus
{
    Completed,
    /// <summary>Stopped by <c>max_run_time_s</c>; the next run of the dataset resumes it.</summary>
    TimedOut,
    /// <summary>Cancelled by the caller or host shutdown; the next run resumes it.</summary>
    Cancelled,
    /// <summary>Stopped by an error; what was written is kept and the next run resumes it.</summary>
    Failed,
}

public sealed record ImportSummary(
    string RunId,
    string Type,
    string Dataset,
    ImportRunStatus Status,
    long RecordsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long Pages,
    TimeSpan Duration,
    DateTimeOffset? Checkpoint,
    bool Resumed,
    string? Error,
    Common.FailureKind? FailureKind = null)
{
    /// <summary>Whether running the same job again may succeed (a Failed run that a person need not fix first).</summary>
    public bool IsRetryable => Status != ImportRunStatus.Failed || FailureKind is Common.FailureKind.Transient;

    public double RecordsPerSecond => Duration.TotalSeconds > 0 ? RecordsRead / Duration.TotalSeconds : 0;
}

/// <summary>A progress report while a run is under way.</summary>
public sealed record ImportProgress(
    string RunId,
    string Dataset,
    long Pages,
    long Records,
    double RecordsPerSecond,
    double FractionDone,
    TimeSpan Elapsed);
