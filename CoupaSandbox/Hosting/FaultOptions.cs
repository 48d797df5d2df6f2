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
    private int _dropResponseAfterCommitNext;
    private string[] _dropResponseAfterCommitRoutes = ["POST /api/invoices"];

    /// <summary>Added to every /api request (after auth and rate-limit accounting).</summary>
    public int LatencyMs { get => Volatile.Read(ref _latencyMs); set => Volatile.Write(ref _latencyMs, Math.Max(0, value)); }

    /// <summary>0..1: answer 503 (sometimes 500) with a small HTML or JSON body.</summary>
    public double ServerErrorRate { get => Volatile.Read(ref _serverErrorRate); set => Volatile.Write(ref _serverErrorRate, Clamp(value)); }

    /// <summary>0..1: abort the connection without answering.</summary>
    public double DropConnectionRate { get => Volatile.Read(ref _dropConnectionRate); set => Volatile.Write(ref _dropConnectionRate, Clamp(value)); }

    /// <summary>0..1: answer with the first half of a successful (200/201) JSON body; a 201 write still happened.</summary>
    public double MalformedJsonRate { get => Volatile.Read(ref _malformedJsonRate); set => Volatile.Write(ref _malformedJsonRate, Clamp(value)); }

    /// <summary>Deterministic: the next N /api requests get <see cref="FailStatus"/>, then the counter is back at 0.</summary>
    public int FailNextRequests { get => Volatile.Read(ref _failNextRequests); set => Volatile.Write(ref _failNextRequests, Math.Max(0, value)); }

    public int FailStatus { get => Volatile.Read(ref _failStatus); set => Volatile.Write(ref _failStatus, value); }

    /// <summary>Deterministic: the next N write requests matching <see cref="DropResponseAfterCommitRoutes"/> are applied (the
    /// invoice is stored, the status changed) and then the connection is aborted without an answer, the way a gateway
    /// timeout hides a commit from the client. Only write routes consult it, so reads in between do not consume it.</summary>
    public int DropResponseAfterCommitNext { get => Volatile.Read(ref _dropResponseAfterCommitNext); set => Volatile.Write(ref _dropResponseAfterCommitNext, Math.Max(0, value)); }

    /// <summary>Which write routes <see cref="DropResponseAfterCommitNext"/> applies to, as "METHOD /path" where '*' stands for
    /// one path segment, e.g. "PUT /api/invoices/*/submit". Default: "POST /api/invoices" (invoice create).</summary>
    public IReadOnlyList<string> DropResponseAfterCommitRoutes
    {
        get => Volatile.Read(ref _dropResponseAfterCommitRoutes);
        set => Volatile.Write(ref _dropResponseAfterCommitRoutes, [.. value ?? []]);
    }

    /// <summary>Takes one pending drop-after-commit if this request's route is one of the configured ones.</summary>
    internal bool TryConsumeDropAfterCommit(string method, string path)
    {
        if (Volatile.Read(ref _dropResponseAfterCommitNext) <= 0 || !DropResponseAfterCommitRoutes.Any(route => RouteMatches(route, method, path)))
            return false;
        while (true)
        {
            int current = Volatile.Read(ref _dropResponseAfterCommitNext);
            if (current <= 0)
                return false;
            if (Interlocked.CompareExchange(ref _dropResponseAfterCommitNext, current - 1, current) == current)
                return true;
        }
    }

    private static bool RouteMatches(string route, string method, string path)
    {
        string[] parts = route.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals(method, StringComparison.OrdinalIgnoreCase))
            return false;
        string[] want = parts[1].Trim('/').Split('/'), got = path.Trim('/').Split('/');
        return want.Length == got.Length && want.Zip(got).All(p => p.First == "*" || p.First.Equals(p.Second, StringComparison.OrdinalIgnoreCase));
    }

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
