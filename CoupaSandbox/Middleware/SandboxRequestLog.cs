namespace CoupaSandbox;

/// <summary>Every request the sandbox received (API, token and admin calls), in arrival order. Thread-safe.
/// Bodies and headers are never recorded, so secrets and tokens cannot leak through it.</summary>
public sealed class SandboxRequestLog
{
    private readonly List<(long Sequence, SandboxRequest Request)> _entries = [];
    private readonly object _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
                return _entries.Count;
        }
    }

    public IReadOnlyList<SandboxRequest> Snapshot()
    {
        lock (_gate)
            return [.. _entries.OrderBy(e => e.Sequence).Select(e => e.Request)];
    }

    public void Clear()
    {
        lock (_gate)
            _entries.Clear();
    }

    /// <summary>Entries are added when a request completes but ordered by arrival.</summary>
    internal void Add(long arrivalSequence, SandboxRequest request)
    {
        lock (_gate)
            _entries.Add((arrivalSequence, request));
    }
}
