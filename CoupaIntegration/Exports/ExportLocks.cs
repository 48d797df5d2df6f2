namespace CoupaIntegration.Exports;

/// <summary>
/// One lock per (Coupa instance, supplier, invoice number) in this process: two deliveries of the same export
/// run one after the other, so the second finds the first's invoice instead of racing it to create one.
/// </summary>
public sealed class ExportLocks
{
    private readonly Dictionary<string, (SemaphoreSlim Gate, int Users)> _locks = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        SemaphoreSlim gate;
        lock (_sync)
        {
            var users = 0;
            if (_locks.TryGetValue(key, out var entry)) (gate, users) = entry;
            else gate = new SemaphoreSlim(1, 1);
            _locks[key] = (gate, users + 1);
        }
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(key, gate, entered: false);
            throw;
        }
        return new Releaser(() => Release(key, gate, entered: true));
    }

    private void Release(string key, SemaphoreSlim gate, bool entered)
    {
        if (entered) gate.Release();
        lock (_sync)
        {
            var entry = _locks[key];
            // The last user removes the entry, so the map holds only invoices being exported right now.
            if (entry.Users <= 1) _locks.Remove(key);
            else _locks[key] = (gate, entry.Users - 1);
        }
    }

    private sealed class Releaser(Action release) : IDisposable
    {
        private Action? _release = release;

        public void Dispose() => Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
