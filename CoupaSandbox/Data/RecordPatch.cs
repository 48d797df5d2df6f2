using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoupaSandbox.Data;

/// <summary>The stored part of a record: only attributes that changed since seeding (or a whole document for records
/// that were never generated, such as invoices posted in a later version). Immutable; writers swap in a new instance.</summary>
internal sealed class RecordPatch
{
    private readonly KeyValuePair<string, JsonElement>[] _fields;
    private readonly Dictionary<string, int> _index;

    private RecordPatch(KeyValuePair<string, JsonElement>[] fields, int revision, DateTimeOffset? createdAt, DateTimeOffset? updatedAt, bool isDocument)
    {
        _fields = fields;
        _index = new Dictionary<string, int>(fields.Length, StringComparer.Ordinal);
        for (int i = 0; i < fields.Length; i++)
            _index[fields[i].Key] = i;
        Revision = revision;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
        IsDocument = isDocument;
    }

    public static RecordPatch Empty { get; } = new([], 0, null, null, false);

    /// <summary>How many times <c>Update</c> touched the record; used to make each new value different.</summary>
    public int Revision { get; }

    public DateTimeOffset? CreatedAt { get; }

    public DateTimeOffset? UpdatedAt { get; }

    /// <summary>True when the fields are the whole record and the generator must not fill in anything.</summary>
    public bool IsDocument { get; }

    public IReadOnlyList<KeyValuePair<string, JsonElement>> Fields => _fields;

    public bool TryGet(string name, out JsonElement value)
    {
        if (_index.TryGetValue(name, out int i))
        {
            value = _fields[i].Value;
            return true;
        }
        value = default;
        return false;
    }

    public static RecordPatch Document(JsonObject document, DateTimeOffset createdAt, DateTimeOffset updatedAt) =>
        new([.. document.Select(p => KeyValuePair.Create(p.Key, JsonNodes.ToElement(p.Value)))], 0, createdAt, updatedAt, true);

    /// <summary>A copy with some attributes replaced or added (in order); timestamps stay unless given.</summary>
    public RecordPatch With(IEnumerable<KeyValuePair<string, JsonNode?>> changes, int? revision = null, DateTimeOffset? createdAt = null, DateTimeOffset? updatedAt = null)
    {
        var fields = new List<KeyValuePair<string, JsonElement>>(_fields);
        foreach (var (name, node) in changes)
        {
            var entry = KeyValuePair.Create(name, JsonNodes.ToElement(node));
            int at = fields.FindIndex(f => f.Key == name);
            if (at >= 0)
                fields[at] = entry;
            else
                fields.Add(entry);
        }
        return new RecordPatch([.. fields], revision ?? Revision, createdAt ?? CreatedAt, updatedAt ?? UpdatedAt, IsDocument);
    }
}
