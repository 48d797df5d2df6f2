using Azure.Core;

namespace CoupaFunctions.Tests.Infrastructure;

/// <summary>Stands in for the app's managed identity: one fixed access token, which <see cref="FakeKeyVault"/> accepts.</summary>
public sealed class FakeAzureCredential : TokenCredential
{
    public const string AccessToken = "fake-key-vault-access-token-7d1e";

    public List<TokenRequestContext> Requests { get; } = [];

    public override Azure.Core.AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add(requestContext);
        return new Azure.Core.AccessToken(AccessToken, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
