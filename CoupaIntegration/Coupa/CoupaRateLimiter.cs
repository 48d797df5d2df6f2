using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Coupa;

/// <summary>
/// One token bucket per Coupa instance, shared by every job and page worker in this process, so concurrency
/// never pushes us over Coupa's published 25 requests/s (429s would only slow the run down).
/// </summary>
public sealed class CoupaRateLimiter(IOptions<CoupaOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, RateLimiter> _limiters = new(StringComparer.OrdinalIgnoreCase);

    public RateLimiter For(string instance) => _limiters.GetOrAdd(instance, _ => Create(options.Value));

    private static TokenBucketRateLimiter Create(CoupaOptions o) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = o.RateLimitBurst,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1 / o.RequestsPerSecond),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values) limiter.Dispose();
    }
}

/// <summary>Waits for the instance's rate limiter before every attempt (it sits inside the retry pipeline).</summary>
public sealed class CoupaRateLimitHandler(CoupaRateLimiter limiters) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var instance = request.RequestUri!.GetLeftPart(UriPartial.Authority);
        using var lease = await limiters.For(instance).AcquireAsync(1, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
