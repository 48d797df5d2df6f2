using System.Text.Json;
using Refit;

namespace CoupaIntegration.Coupa;

/// <summary>
/// The Coupa Core API as this product uses it (https://compass.coupa.com, "The Coupa Core API").
/// The connection (instance, client, scopes) travels with each call as a request property so one pooled
/// handler pipeline serves every Coupa instance; <see cref="CoupaAuthHandler"/> turns it into a bearer token.
/// </summary>
[Headers("Accept: application/json")]
public interface ICoupaApi
{
    /// <summary>
    /// Queries a collection such as <c>api/suppliers</c>: at most 50 records, keys hyphenated, decimals as strings.
    /// Query keys are Coupa's own (<c>fields</c>, <c>limit</c>, <c>order_by</c>, <c>updated-at[gt_or_eq]</c>, …).
    /// </summary>
    [Get("/{**endpoint}")]
    Task<IApiResponse<JsonElement>> QueryAsync(
        string endpoint,
        [Query] IDictionary<string, string> query,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);
}
