using System.Threading.Channels;

namespace CoupaIntegration.Imports;

/// <summary>
/// Hands id ranges to page workers. A worker whose range is large splits it when another worker sits idle,
/// so slices stay balanced however the ids are spread (dense full imports, sparse incremental ones).
/// </summary>
internal sealed class RangeScheduler
{
    private readonly Channel<IdRange> _queue = Channel.CreateUnbounded<IdRange>();
    private int _outstanding;
    private int _idleWorkers;
    private int _nextId;

    public RangeScheduler(IEnumerable<IdRange> ranges, int nextRangeId)
    {
        _nextId = nextRangeId;
        foreach (var range in ranges) Enqueue(range);
        if (_outstanding == 0) _queue.Writer.Complete();
    }

    public bool SomeoneIsIdle => Volatile.Read(ref _idleWorkers) > 0 && _queue.Reader.Count == 0;

    public int NextRangeId => Volatile.Read(ref _nextId);

    public IdRange NewRange(long after, long through) => new(Interlocked.Increment(ref _nextId) - 1, after, through);

    public void Enqueue(IdRange range)
    {
        Interlocked.Increment(ref _outstanding);
        _queue.Writer.TryWrite(range);
    }

    /// <summary>The next range to read, or null when every range is done.</summary>
    public async Task<IdRange?> NextAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _idleWorkers);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
                if (_queue.Reader.TryRead(out var range)) return range;
            return null;
        }
        catch (ChannelClosedException)
        {
            return null;
        }
        finally
        {
            Interlocked.Decrement(ref _idleWorkers);
        }
    }

    public void Finished()
    {
        if (Interlocked.Decrement(ref _outstanding) == 0) _queue.Writer.TryComplete();
    }

    /// <summary>Splits (<paramref name="floor"/>, <paramref name="ceiling"/>] into up to <paramref name="count"/> equal slices.</summary>
    public static List<IdRange> Slice(long floor, long ceiling, int count, int pageSize)
    {
        var span = ceiling - floor;
        var slices = (int)Math.Clamp(span / Math.Max(1, pageSize), 1, count);
        var ranges = new List<IdRange>(slices);
        for (var i = 0; i < slices; i++)
        {
            var after = floor + span * i / slices;
            var through = i == slices - 1 ? ceiling : floor + span * (i + 1) / slices;
            ranges.Add(new IdRange(i, after, through));
        }
        return ranges;
    }
}
