using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Where Data Storage calls get their bearer token. The hook's own token dies 10 minutes after the call (or
/// when Rossum receives the answer, unless <c>token_lifetime_s</c> extends it to at most 2 hours), so a long
/// run needs a way to carry on: a source may offer a replacement when a token is rejected.
/// </summary>
public interface IRossumTokenSource
{
    ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Data Storage answered 401 to <paramref name="rejected"/>. Returns a token to retry the call with once (and
    /// to hand out from now on), or null when there is none, in which case the call fails with
    /// <see cref="RossumTokenExpiredException"/>.
    /// </summary>
    ValueTask<Secret?> OnRejectedAsync(Secret rejected, CancellationToken cancellationToken);

    /// <summary>
    /// After <see cref="OnRejectedAsync"/> offered none: why, in words a person can act on (e.g. the setting to
    /// change). Becomes part of the <see cref="RossumTokenExpiredException"/>; null keeps its generic advice.
    /// </summary>
    string? NoReplacementReason => null;
}
