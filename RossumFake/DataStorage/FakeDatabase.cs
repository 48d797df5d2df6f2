using System.Text.Json.Nodes;

namespace RossumFake.DataStorage;

/// <summary>
/// One organisation's collections. Every read and write takes the same lock, so a rename is atomic for readers
/// and a bulk write is applied whole, as a reader of Mongo sees it. Documents are cloned in and out.
/// </summary>
public sealed class FakeDatabase
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _collections = new(StringComparer.Ordinal);

    public IReadOnlyList<string> CollectionNames
    {
        get { lock (_gate) return _collections.Keys.Order(StringComparer.Ordinal).ToList(); }
    }

    public bool Exists(string collection)
    {
        lock (_gate) return _collections.ContainsKey(collection);
    }

    /// <summary>Copies of the documents, in insertion order (for test assertions).</summary>
    public IReadOnlyList<JsonObject> Documents(string collection)
    {
        lock (_gate) return _collections.TryGetValue(collection, out var docs) ? docs.Select(d => (JsonObject)d.DeepClone()).ToList() : [];
    }

    public int Count(string collection)
    {
        lock (_gate) return _collections.TryGetValue(collection, out var docs) ? docs.Count : 0;
    }

    /// <summary>Runs <paramref name="work"/> alone over the collections; Mongo creates a collection on first write.</summary>
    public T Write<T>(Func<CollectionSet, T> work)
    {
        lock (_gate) return work(new CollectionSet(_collections));
    }

    public T Read<T>(Func<CollectionSet, T> work) => Write(work);

    /// <summary>The collections, handed out only under the lock.</summary>
    public sealed class CollectionSet(Dictionary<string, List<JsonObject>> collections)
    {
        public bool Exists(string name) => collections.ContainsKey(name);

        public List<JsonObject> Get(string name) => collections.TryGetValue(name, out var docs) ? docs : [];

        public List<JsonObject> GetOrCreate(string name) => collections.TryGetValue(name, out var docs) ? docs : collections[name] = [];

        public void Create(string name)
        {
            if (!collections.TryAdd(name, [])) throw new FakeApiException(400, $"Collection '{name}' already exists.");
        }

        public void Drop(string name) => collections.Remove(name);

        public void Rename(string from, string to, bool dropTarget)
        {
            if (!collections.TryGetValue(from, out var docs)) throw new FakeApiException(404, $"Source collection '{from}' does not exist.");
            if (collections.ContainsKey(to) && !dropTarget) throw new FakeApiException(400, $"Target collection '{to}' exists; set dropTarget to replace it.");
            collections.Remove(from);
            collections[to] = docs;
        }

        public IReadOnlyList<string> Names => collections.Keys.Order(StringComparer.Ordinal).ToList();
    }
}
