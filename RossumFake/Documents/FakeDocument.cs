namespace RossumFake.Documents;

public sealed record FakeDocument(long Id, string Organisation, byte[] Content, string MimeType, string FileName);
