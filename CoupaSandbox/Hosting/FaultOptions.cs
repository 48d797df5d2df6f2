namespace CoupaSandbox;

/// <summary>Fault injection for /api requests. Every property may be changed while the server runs (from tests or
/// <c>PUT /_sandbox/faults</c>); reads and writes are atomic so request threads always see a whole value.</summary>
public sealed class FaultOptions
{
    private int _latencyMs;
    private double _serverErrorRate;
    private double _dropConnectionRate;
    private double _malformedJsonRate;
    private int _failNextRequests;
    private int _failStatus = 503;

    /// <summary>Added to every /api request (after auth and rate-limit accounting).</summary>
    public int LatencyMs { get => Volatile.Read(ref _latencyMs); set => Volatile.Write(ref _latencyMs, Math.Max(0, value)); }

    /// <summary>0..1: answer 503 (sometimes 500) with a small HTML or JSON body.</summary>
    public double ServerErrorRate { get => Volatile.Read(ref _serverErrorRate); set => Volatile.Write(ref _serverErrorRate, Clamp(value)); }

    /// <summary>0..1: abort the connection without answering.</summary>
    public double DropConnectionRate { get => Volatile.Read(ref _dropConnectionRate); set => Volatile.Write(ref _dropConnectionRate, Clamp(value)); }

    /// <summary>0..1: answer 200 with a truncated JSON body.</summary>
    public double MalformedJsonRate { get => Volatile.Read(ref _malformedJsonRate); set => Volatile.Write(ref _malformedJsonRate, Clamp(value)); }

    /// <summary>Deterministic: the next N /api requests get <see cref="FailStatus"/>, then the counter is back at 0.</summary>
    public int FailNextRequests { get => Volatile.Read(ref _failNextRequests); set => Volatile.Write(ref _failNextRequests, Math.Max(0, value)); }

    public int FailStatus { get => Volatile.Read(ref _failStatus); set => Volatile.Write(ref _failStatus, value); }

    /// <summary>Atomically takes one of the pending deterministic failures, so concurrent requests never over-consume.</summary>
    internal bool TryConsumeFailure()
    {
        while (true)
        {
            int current = Volatile.Read(ref _failNextRequests);
            if (current <= 0)
                return false;
            if (Interlocked.CompareExchange(ref _failNextRequests, current - 1, current) == current)
                return true;
        }
    }

    private static double Clamp(double rate) => double.IsNaN(rate) ? 0 : Math.Clamp(rate, 0, 1);
}
