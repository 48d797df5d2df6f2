using System.Collections.Concurrent;

namespace RossumFake.Documents;

/// <summary>Uploaded files, served as Rossum serves <c>GET /api/v1/documents/{id}/content</c> (the raw bytes).</summary>
public sealed class FakeDocuments
{
    private readonly ConcurrentDictionary<long, FakeDocument> _documents = new();
    private long _nextId = 3_000_000;

    public FakeDocument Add(byte[] content, string mimeType = "application/pdf", string fileName = "document.pdf", string organisation = FakeOrganisations.Default)
    {
        var document = new FakeDocument(Interlocked.Increment(ref _nextId), organisation, content, mimeType, fileName);
        _documents[document.Id] = document;
        return document;
    }

    public FakeDocument? Find(long id, string organisation) =>
        _documents.TryGetValue(id, out var document) && document.Organisation == organisation ? document : null;
}
