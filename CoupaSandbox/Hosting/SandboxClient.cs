namespace CoupaSandbox;

/// <summary>
/// An OAuth client of the instance: its secret, the scopes it was granted and the grant types it may use. Coupa's
/// client set-up names the grant type per client; one made for the authorization-code flow cannot mint
/// client-credentials tokens (400 <c>unauthorized_client</c>).
/// </summary>
public sealed record SandboxClient(string ClientId, string ClientSecret, IReadOnlyCollection<string> Scopes)
{
    public const string ClientCredentialsGrant = "client_credentials";

    public IReadOnlyCollection<string> GrantTypes { get; init; } = [ClientCredentialsGrant];

    // The generated record ToString would print the secret; options objects end up in logs and test output.
    public override string ToString() =>
        $"SandboxClient {{ ClientId = {ClientId}, Scopes = {string.Join(' ', Scopes)}, GrantTypes = {string.Join(' ', GrantTypes)} }}";
}
