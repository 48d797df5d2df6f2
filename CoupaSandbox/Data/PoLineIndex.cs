using System.Collections.Concurrent;

namespace CoupaSandbox.Data;

/// <summary>Which purchase order each order line belongs to. Seeded POs own consecutive line ids (prefix sums, one long per
/// PO); lines created later are recorded explicitly.</summary>
internal sealed class PoLineIndex
{
    private readonly long[] _firstLine; // _firstLine[p - 1] = first line id of seeded PO p; last entry = seeded lines + 1
    private readonly ConcurrentDictionary<long, (long Po, int LineNum)> _createdLines = new();
    private readonly ConcurrentDictionary<long, long[]> _createdByPo = new();
    private readonly object _gate = new();

    /// <param name="requestedLines">Exact total when the caller set Records["purchase_order_lines"]; otherwise 1–5 per PO.</param>
    public PoLineIndex(long poCount, int? requestedLines, int seed)
    {
        _firstLine = new long[poCount + 1];
        var rng = new RecordRng(Hash.Combine((ulong)(uint)seed, Hash.Of("purchase_order_lines/per-po")));
        long next = 1;
        for (long p = 1; p <= poCount; p++)
        {
            _firstLine[p - 1] = next;
            next += requestedLines is int total
                ? total / poCount + (p <= total % poCount ? 1 : 0)
                : 1 + (long)(Hash.Combine(rng.Key, (ulong)p) % 5);
        }
        _firstLine[poCount] = next;
        SeededLineCount = next - 1;
    }

    public long SeededLineCount { get; }

    private long SeededPoCount => _firstLine.Length - 1;

    public (long Po, int LineNum) HeaderOf(long lineId)
    {
        if (lineId > SeededLineCount)
            return _createdLines.TryGetValue(lineId, out var created) ? created : (0, 0);
        // Largest p with _firstLine[p - 1] <= lineId (POs may own zero lines, hence the upper-bound search).
        long lo = 0, hi = SeededPoCount - 1;
        while (lo < hi)
        {
            long mid = (lo + hi + 1) / 2;
            if (_firstLine[mid] <= lineId)
                lo = mid;
            else
                hi = mid - 1;
        }
        return (lo + 1, (int)(lineId - _firstLine[lo] + 1));
    }

    public IEnumerable<long> LinesOf(long poId)
    {
        if (poId >= 1 && poId <= SeededPoCount)
        {
            for (long id = _firstLine[poId - 1]; id < _firstLine[poId]; id++)
                yield return id;
        }
        if (_createdByPo.TryGetValue(poId, out var created))
        {
            foreach (long id in created)
                yield return id;
        }
    }

    /// <summary>Registers a new line under a PO and returns its line number (continuing after the PO's last line).</summary>
    public int Register(long lineId, long poId)
    {
        lock (_gate)
        {
            int seeded = poId >= 1 && poId <= SeededPoCount ? (int)(_firstLine[poId] - _firstLine[poId - 1]) : 0;
            var existing = _createdByPo.GetValueOrDefault(poId) ?? [];
            int lineNum = seeded + existing.Length + 1;
            _createdLines[lineId] = (poId, lineNum);
            _createdByPo[poId] = [.. existing, lineId];
            return lineNum;
        }
    }
}
