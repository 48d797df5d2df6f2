using System.Collections.Concurrent;

namespace CoupaSandbox.Hosting;

/// <summary>Counters for /_sandbox/stats. Interlocked, so request threads never contend on a lock.</summary>
internal sealed class SandboxStats
{
    private long _requests;
    private long _apiRequests;
    private long _rateLimited;
    private long _unauthorized;
    private long _arrivals;
    private readonly ConcurrentDictionary<string, long> _faults = new(StringComparer.Ordinal);

    public long Requests => Interlocked.Read(ref _requests);

    public long ApiRequests => Interlocked.Read(ref _apiRequests);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    public IReadOnlyDictionary<string, long> Faults => new Dictionary<string, long>(_faults);

    public long FaultsInjected => _faults.Values.Sum();

    public long NextArrival() => Interlocked.Increment(ref _arrivals);

    public void CountRequest(bool isApi)
    {
        Interlocked.Increment(ref _requests);
        if (isApi)
            Interlocked.Increment(ref _apiRequests);
    }

    public void CountRateLimited() => Interlocked.Increment(ref _rateLimited);

    public void CountUnauthorized() => Interlocked.Increment(ref _unauthorized);

    public void CountFault(string kind) => _faults.AddOrUpdate(kind, 1, (_, n) => n + 1);
}
