using System.Diagnostics;

namespace CoupaSandbox.Middleware;

/// <summary>Coupa's limiter (coupa.md §5): a leaky bucket draining at RateLimitPerSecond with room for RateLimitBurst
/// requests. A request that would overflow it is refused and does not fill it. Options are read on every call, so
/// tests may change them while the server runs.</summary>
internal sealed class LeakyBucket(SandboxOptions options)
{
    private readonly object _gate = new();
    private double _level;
    private long _lastTimestamp = Stopwatch.GetTimestamp();

    public bool TryTake()
    {
        double rate = options.RateLimitPerSecond;
        if (rate <= 0)
            return true;
        double capacity = Math.Max(1, options.RateLimitBurst);
        lock (_gate)
        {
            long now = Stopwatch.GetTimestamp();
            _level = Math.Max(0, _level - Stopwatch.GetElapsedTime(_lastTimestamp, now).TotalSeconds * rate);
            _lastTimestamp = now;
            if (_level + 1 > capacity)
                return false;
            _level += 1;
            return true;
        }
    }
}
