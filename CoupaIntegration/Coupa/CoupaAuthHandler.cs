using System.Net;
using System.Net.Http.Headers;

namespace CoupaIntegration.Coupa;

/// <summary>
/// Puts the bearer token of the call's <see cref="CoupaConnection"/> on the request, and when Coupa answers 401
/// (token expired or revoked early) mints a new one and tries exactly once more.
/// Sits outside the retry pipeline, so retries of 429/5xx reuse the token without minting.
/// </summary>
public sealed class CoupaAuthHandler(CoupaTokenCache tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(new HttpRequestOptionsKey<CoupaConnection>(CoupaConnection.RequestOptionKey), out var connection))
            throw new InvalidOperationException("A Coupa API call was made without its CoupaConnection request property.");

        var token = await tokens.GetTokenAsync(connection, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
            return response;

        response.Dispose();
        tokens.Invalidate(connection, token);
        token = await tokens.GetTokenAsync(connection, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
