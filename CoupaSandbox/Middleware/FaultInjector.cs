namespace CoupaSandbox.Middleware;

/// <summary>Rolls the random faults from one seeded Random (behind a lock: Random is not thread-safe), so a run with
/// the same seed and the same request order sees the same faults.</summary>
internal sealed class FaultInjector(int seed)
{
    private readonly Random _random = new(seed);
    private readonly object _gate = new();

    public FaultKind Roll(FaultOptions faults)
    {
        double drop = faults.DropConnectionRate, error = faults.ServerErrorRate, malformed = faults.MalformedJsonRate;
        if (drop <= 0 && error <= 0 && malformed <= 0)
            return FaultKind.None;
        lock (_gate)
        {
            if (_random.NextDouble() < drop)
                return FaultKind.Drop;
            if (_random.NextDouble() < error)
                return FaultKind.ServerError;
            if (_random.NextDouble() < malformed)
                return FaultKind.MalformedJson;
            return FaultKind.None;
        }
    }

    /// <summary>Most injected server errors are 503 (gateway) and some 500 (application), as seen from real instances.</summary>
    public bool NextIs503()
    {
        lock (_gate)
            return _random.NextDouble() < 0.75;
    }
}
