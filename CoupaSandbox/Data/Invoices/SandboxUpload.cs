namespace CoupaSandbox;

/// <summary>A file a client uploaded (image scan or attachment), kept whole so tests can compare it with what was sent.</summary>
public sealed record SandboxUpload(string FileName, string ContentType, byte[] Content)
{
    public long Size => Content.LongLength;
}
