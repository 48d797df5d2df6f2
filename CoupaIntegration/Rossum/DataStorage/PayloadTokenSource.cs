using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>The token a hook call brought (<c>rossum_authorization_token</c>); it has no replacement to offer.</summary>
public sealed class PayloadTokenSource(Secret token) : IRossumTokenSource
{
    public ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);

    public ValueTask<Secret?> OnRejectedAsync(Secret rejected, CancellationToken cancellationToken) => ValueTask.FromResult<Secret?>(null);
}
