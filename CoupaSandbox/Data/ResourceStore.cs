using System.Collections.Concurrent;

namespace CoupaSandbox.Data;

/// <summary>One resource: its generator, the id range in use and the patches of records that changed. Seeded records
/// cost no memory at all, which is how a million lookup values start instantly.</summary>
internal sealed class ResourceStore(ResourceGenerator generator, long seededCount)
{
    private readonly ConcurrentDictionary<long, RecordPatch> _patches = new();
    private long _maxId = seededCount;

    public ResourceGenerator Generator => generator;

    public string Name => generator.Name;

    public long SeededCount { get; } = seededCount;

    /// <summary>Ids are dense (1..MaxId): Coupa deactivates records instead of deleting them.</summary>
    public long MaxId => Interlocked.Read(ref _maxId);

    /// <summary>Serialises writers of this resource; readers never take it.</summary>
    public object WriteLock { get; } = new();

    /// <summary>Number of Update calls so far; makes every call pick different records.</summary>
    public int UpdateCalls { get; set; }

    public bool Exists(long id) => id >= 1 && id <= MaxId;

    public RecordView View(long id) => new(this, id, _patches.GetValueOrDefault(id));

    public RecordPatch? PatchOf(long id) => _patches.GetValueOrDefault(id);

    /// <summary>Call under <see cref="WriteLock"/>.</summary>
    public void SetPatch(long id, RecordPatch patch) => _patches[id] = patch;

    /// <summary>Appends records: patches are stored before the new ids become visible, so a concurrent reader never sees
    /// a new id without its creation timestamps. Call under <see cref="WriteLock"/>.</summary>
    public IReadOnlyList<long> Append(int count, Func<long, RecordPatch> patchFor)
    {
        long first = MaxId + 1;
        var ids = new long[Math.Max(count, 0)];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = first + i;
            _patches[ids[i]] = patchFor(ids[i]);
        }
        if (ids.Length > 0)
            Interlocked.Exchange(ref _maxId, ids[^1]);
        return ids;
    }
}
