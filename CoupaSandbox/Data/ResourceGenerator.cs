using System.Globalization;
using System.Text.Json.Nodes;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data;

/// <summary>Describes one Coupa resource as data: its scope, natural keys and an ordered list of attribute builders.
/// Every value derives from (seed, resource, id), so a record can be rebuilt at any time without storing it.</summary>
internal abstract class ResourceGenerator(string name, string scope, params string[] naturalKeys)
{
    private IReadOnlyList<FieldDef> _fields = [];
    private Dictionary<string, FieldDef> _byName = [];
    private RecordRng _resourceRng;

    public string Name => name;

    public string Scope => scope;

    public IReadOnlyList<string> NaturalKeys => naturalKeys;

    public IReadOnlyList<FieldDef> Fields => _fields;

    public long SeededCount { get; private set; }

    protected SandboxData Data { get; private set; } = null!;

    /// <summary>Records created in one go share a created-at second (see <see cref="Timeline"/>).</summary>
    protected virtual int BatchSize => 4;

    protected virtual double NeverUpdatedShare => 0.35;

    internal void Attach(SandboxData data, long seededCount, int seed)
    {
        Data = data;
        SeededCount = seededCount;
        _resourceRng = new RecordRng(Hash.Combine((ulong)(uint)seed, Hash.Of(name)));
        _fields = [.. Define()];
        _byName = _fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public FieldDef? FindField(string fieldName) => _byName.GetValueOrDefault(fieldName);

    public Seed SeedOf(long id) => new(id, _resourceRng.Sub("record", id));

    public virtual DateTimeOffset CreatedAt(long id) => Timeline.Created(id, SeededCount, BatchSize, _resourceRng);

    public virtual DateTimeOffset UpdatedAt(long id) => Timeline.Updated(CreatedAt(id), SeedOf(id).Rng, NeverUpdatedShare);

    /// <summary>The visible change <c>SandboxData.Update</c> makes. Default: a new description, else a new name.</summary>
    public virtual IEnumerable<KeyValuePair<string, JsonNode?>> Revise(RecordView current, int revision)
    {
        string? field = FindField("description") is not null ? "description" : FindField("name") is not null ? "name" : null;
        if (field is not null)
            yield return KeyValuePair.Create<string, JsonNode?>(field, $"{Original(current, field)} (rev {revision})");
    }

    /// <summary>Hook for records that need companions (a new purchase order gets order lines).</summary>
    public virtual void OnCreated(long id)
    {
    }

    protected abstract IEnumerable<FieldDef> Define();

    /// <summary>The seeded value of a text attribute, so revisions read "Acme (rev 3)" rather than "Acme (rev 2) (rev 3)".</summary>
    protected string Original(RecordView current, string field) =>
        JsonNodes.AsString(current.Patch is { IsDocument: true } ? current.Get(field) : FindField(field)?.Build(SeedOf(current.Id))) ?? "";

    protected static FieldDef Field(string fieldName, FieldBuilder build) => new(fieldName, FieldKind.Scalar, build);

    protected static FieldDef Amount(string fieldName, FieldBuilder build) => new(fieldName, FieldKind.Decimal, build);

    protected static FieldDef Time(string fieldName, FieldBuilder build) => new(fieldName, FieldKind.Timestamp, build);

    protected static FieldDef Association(string fieldName, FieldBuilder build) => new(fieldName, FieldKind.Object, build);

    protected static FieldDef Many(string fieldName, FieldBuilder build) => new(fieldName, FieldKind.List, build);

    protected IEnumerable<FieldDef> Identity()
    {
        yield return Field("id", r => r.Id);
        yield return Time("created-at", r => Ts(CreatedAt(r.Id)));
        yield return Time("updated-at", r => Ts(UpdatedAt(r.Id)));
    }

    /// <summary>created-by / updated-by user stubs; records never updated keep their creator as updater.</summary>
    protected IEnumerable<FieldDef> Audit()
    {
        yield return Association("created-by", r => Users.Stub(r.Rng.Int("created-by", 0, Users.All.Length)));
        yield return Association("updated-by", r => Users.Stub(
            CreatedAt(r.Id) == UpdatedAt(r.Id) ? r.Rng.Int("created-by", 0, Users.All.Length) : r.Rng.Int("updated-by", 0, Users.All.Length)));
    }

    protected string Ts(DateTimeOffset instant) => Data.Clock.Format(instant);

    protected string Day(DateTimeOffset instant) => Data.Clock.FormatDate(instant);

    protected static string Dec(decimal value, int places = 2) => value.ToString("F" + places.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
