using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using CoupaSandbox.Data;
using CoupaSandbox.Data.Invoices;

namespace CoupaSandbox;

/// <summary>The instance's records. Seeded records are generated on demand from (seed, resource, id); only changed or
/// created records are stored, so a sandbox with millions of records starts instantly and stays small.</summary>
public sealed class SandboxData
{
    private readonly Dictionary<string, ResourceStore> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, ResourceGenerator> _generatorsByType = [];
    private readonly DataMutator _mutator;

    internal SandboxData(SandboxOptions options, SandboxClock clock)
    {
        Clock = clock;
        var generators = ResourceRegistry.CreateGenerators();
        var counts = RecordCounts.Resolve(options.Records, generators.Select(g => g.Name), out int? requestedLines);
        PoLines = new PoLineIndex(counts["purchase_orders"], requestedLines, options.Seed);
        counts[RecordCounts.PurchaseOrderLines] = PoLines.SeededLineCount;
        foreach (var generator in generators)
        {
            generator.Attach(this, counts[generator.Name], options.Seed);
            _stores[generator.Name] = new ResourceStore(generator, counts[generator.Name]);
            _generatorsByType[generator.GetType()] = generator;
        }
        Resources = [.. generators.Select(g => g.Name)];
        _mutator = new DataMutator(this, options.Seed);
        References = new ReferenceLookup(this);
    }

    /// <summary>Every resource name served under /api.</summary>
    public IReadOnlyList<string> Resources { get; }

    internal SandboxClock Clock { get; }

    internal PoLineIndex PoLines { get; }

    internal DataMutator Mutator => _mutator;

    /// <summary>Image scans, attachments and the list of invoices posted through the API.</summary>
    internal InvoiceBook InvoiceBook { get; } = new();

    internal ReferenceLookup References { get; }

    /// <summary>Invoices posted through <c>POST /api/invoices</c>, in creation order, as they are now (status, image scan,
    /// attachments). Seeded invoices are not included; see <see cref="Invoice"/>.</summary>
    public IReadOnlyList<SandboxInvoice> Invoices() => [.. InvoiceBook.CreatedIds.Select(id => Invoice(id)!)];

    /// <summary>How many invoices were posted through the API (what a "no duplicate after a timeout" test counts).</summary>
    public int CreatedInvoiceCount => InvoiceBook.CreatedIds.Count;

    /// <summary>Any invoice, seeded or posted, or null for an unknown id.</summary>
    public SandboxInvoice? Invoice(long id)
    {
        var store = Store("invoices");
        if (!store.Exists(id))
            return null;
        var attachments = InvoiceBook.AttachmentsOf(id);
        return new SandboxInvoice(id, store.View(id).Build(), InvoiceBook.ImageScanOf(id),
            [.. attachments.Select(a => (JsonObject)JsonNodes.ToNode(a.Json)!)], [.. attachments.Where(a => a.File is not null).Select(a => a.File!)]);
    }

    /// <summary>Posted invoices with this number (case-insensitive), optionally of one supplier.</summary>
    public IReadOnlyList<SandboxInvoice> FindInvoices(string invoiceNumber, long? supplierId = null) =>
        [.. Invoices().Where(i => string.Equals(i.InvoiceNumber, invoiceNumber, StringComparison.OrdinalIgnoreCase) && (supplierId is null || i.SupplierId == supplierId))];

    /// <summary>Seeded supplier, currency, chart of accounts and a PO with one quantity and one amount line: the pieces of a
    /// valid draft invoice.</summary>
    public InvoiceReferences ValidInvoiceReferences() => InvoiceReferenceFinder.Find(this);

    public int Count(string resource) => (int)Store(resource).MaxId;

    /// <summary>Full documents in id order, exactly as a GET without <c>fields</c> returns them.</summary>
    public IEnumerable<JsonObject> All(string resource)
    {
        var store = Store(resource);
        for (long id = 1; id <= store.MaxId; id++)
            yield return store.View(id).Build();
    }

    /// <summary>Changes <paramref name="count"/> records (a different pseudo-random pick on every call): a visible attribute
    /// gets a new value and updated-at becomes now. Returns their ids.</summary>
    public IReadOnlyList<long> Update(string resource, int count) => _mutator.Update(Store(resource), count);

    /// <summary>Appends records with ids above the current maximum, created-at = updated-at = now. Returns their ids.</summary>
    public IReadOnlyList<long> Create(string resource, int count) => _mutator.Create(Store(resource), count);

    /// <summary>Changes one remit-to address of <paramref name="count"/> suppliers (its own updated-at = now) without touching
    /// the supplier's updated-at, as real Coupa does. Returns the supplier ids.</summary>
    public IReadOnlyList<long> UpdateRemitToAddresses(int count) => _mutator.UpdateRemitToAddresses(Store("suppliers"), count);

    /// <summary>URL names are snake_case; hyphen forms are accepted from code and options for convenience.</summary>
    internal static string Normalize(string resource) => resource.Trim().ToLowerInvariant().Replace('-', '_');

    internal ResourceStore Store(string resource) =>
        TryGetStore(Normalize(resource), out var store)
            ? store
            : throw new ArgumentException($"Unknown resource '{resource}'. Known: {string.Join(", ", Resources)}.", nameof(resource));

    internal bool TryGetStore(string resource, [NotNullWhen(true)] out ResourceStore? store) => _stores.TryGetValue(resource, out store);

    internal T Generator<T>() where T : ResourceGenerator => (T)_generatorsByType[typeof(T)];

    internal RecordView View(string resource, long id) => _stores[resource].View(id);

    internal long SeededCount(string resource) => _stores[resource].SeededCount;

    /// <summary>A seeded record id of another resource (references stay stable when records are created), or null if none.</summary>
    internal long? PickSeeded(string resource, RecordRng rng, string salt)
    {
        long count = _stores[resource].SeededCount;
        return count == 0 ? null : rng.Long(salt, 1, count + 1);
    }

    /// <summary>An embedded reference built from the live record, so renamed suppliers show their new name everywhere.</summary>
    internal JsonObject? Stub(string resource, long? id, params string[] keys)
    {
        if (id is not long value || !_stores[resource].Exists(value))
            return null;
        var view = _stores[resource].View(value);
        var stub = new JsonObject();
        foreach (var key in keys)
            stub[key] = view.Get(key);
        return stub;
    }
}
