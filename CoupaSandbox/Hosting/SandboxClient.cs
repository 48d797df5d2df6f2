namespace CoupaSandbox;

/// <summary>An OAuth client-credentials client and the scopes it was granted.</summary>
public sealed record SandboxClient(string ClientId, string ClientSecret, IReadOnlyCollection<string> Scopes)
{
    // The generated record ToString would print the secret; options objects end up in logs and test output.
    public override string ToString() => $"SandboxClient {{ ClientId = {ClientId}, Scopes = {string.Join(' ', Scopes)} }}";
}
