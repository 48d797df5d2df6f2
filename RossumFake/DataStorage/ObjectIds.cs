namespace RossumFake.DataStorage;

/// <summary>Mongo-like ObjectIds as 24 hex digits: seconds, then a counter, so they sort in creation order.</summary>
public static class ObjectIds
{
    private static long _counter = Random.Shared.NextInt64(1 << 20);

    public static string Next() =>
        $"{DateTimeOffset.UtcNow.ToUnixTimeSeconds():x8}{Interlocked.Increment(ref _counter):x16}";
}
