namespace CoupaIntegration.Telemetry;

/// <summary>
/// Counts the retries of one run (an import or an export) wherever they happen: in the HTTP resilience pipelines,
/// which every run shares, and in the export's own step retries. Ambient (an <see cref="AsyncLocal{T}"/>), so a
/// pipeline adds to the run whose call it retries; the import's page workers and writer start inside the run and
/// carry it with them. Thread-safe, since pages are read side by side.
/// </summary>
public sealed class RetryCounter
{
    private static readonly AsyncLocal<RetryCounter?> Ambient = new();
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>
    /// Starts counting for the calling flow and everything it starts from now on. Call it at the top of the run's
    /// async method: when that method returns, its caller's flow no longer sees this counter.
    /// </summary>
    public static RetryCounter Begin()
    {
        var counter = new RetryCounter();
        Ambient.Value = counter;
        return counter;
    }

    /// <summary>Counts one retry for the run under way; outside a run (start-up probes, tools) it counts nothing.</summary>
    public static void Add()
    {
        if (Ambient.Value is { } counter) Interlocked.Increment(ref counter._count);
    }
}
