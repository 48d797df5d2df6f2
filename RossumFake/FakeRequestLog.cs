using RossumFake.DataStorage;

using System.Collections.Concurrent;

namespace RossumFake;

public sealed class FakeRequestLog
{
    private readonly ConcurrentQueue<FakeRequest> _requests = new();

    public void Add(FakeRequest request) => _requests.Enqueue(request);

    public IReadOnlyList<FakeRequest> Snapshot() => _requests.ToArray();

    /// <summary>Requests to a Data Storage endpoint such as <c>data/bulk_write</c> or <c>operation_status</c>.</summary>
    public IReadOnlyList<FakeRequest> DataStorage(string endpoint) =>
        Snapshot().Where(r => r.Path.StartsWith(DataStorageRoutes.Prefix + "/" + endpoint, StringComparison.Ordinal)).ToList();

    public void Clear() => _requests.Clear();
}
