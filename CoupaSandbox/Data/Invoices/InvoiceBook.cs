using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace CoupaSandbox.Data.Invoices;

/// <summary>What the invoice write endpoints keep besides the invoice documents themselves: which invoices were posted,
/// their image-scan bytes and their attachments (Coupa serves those from separate routes, not inside the invoice JSON).</summary>
internal sealed class InvoiceBook
{
    // Line and attachment ids far above anything seeded, so they never collide with seeded invoice-line ids (invoice id * 8 + k).
    private long _nextLineId = 50_000_000;
    private long _nextAttachmentId = 70_000_000;
    private ImmutableList<long> _created = [];
    private readonly ConcurrentDictionary<long, SandboxUpload> _imageScans = new();
    private readonly ConcurrentDictionary<long, ImmutableList<InvoiceAttachment>> _attachments = new();

    public IReadOnlyList<long> CreatedIds => Volatile.Read(ref _created);

    public long NextLineId() => Interlocked.Increment(ref _nextLineId);

    /// <summary>Call under the invoices' write lock, right after the document is stored.</summary>
    public void RecordCreated(long id) => ImmutableInterlocked.Update(ref _created, list => list.Add(id));

    public void SetImageScan(long invoiceId, SandboxUpload upload) => _imageScans[invoiceId] = upload;

    public SandboxUpload? ImageScanOf(long invoiceId) => _imageScans.GetValueOrDefault(invoiceId);

    /// <summary>Stores an attachment under a new id; <paramref name="build"/> receives that id and returns the attachment JSON.</summary>
    public JsonObject AddAttachment(long invoiceId, Func<long, JsonObject> build, SandboxUpload? file)
    {
        var json = build(Interlocked.Increment(ref _nextAttachmentId));
        var stored = new InvoiceAttachment(JsonNodes.ToElement(json), file);
        _attachments.AddOrUpdate(invoiceId, _ => [stored], (_, list) => list.Add(stored));
        return json;
    }

    public IReadOnlyList<InvoiceAttachment> AttachmentsOf(long invoiceId) => _attachments.GetValueOrDefault(invoiceId) ?? [];
}
