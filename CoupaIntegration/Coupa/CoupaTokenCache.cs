using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CoupaIntegration.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Coupa;

/// <summary>
/// Access tokens per (instance, client id, scopes). One mint at a time per key, refreshed a margin before expiry,
/// and invalidated by <see cref="CoupaAuthHandler"/> when Coupa answers 401 to a token we thought valid.
/// </summary>
public sealed class CoupaTokenCache(
    CoupaClientFactory clients,
    IOptions<CoupaOptions> options,
    TimeProvider time,
    ILogger<CoupaTokenCache> logger)
{
    private sealed record CachedToken(string AccessToken, DateTimeOffset RefreshAt);

    private readonly ConcurrentDictionary<string, CachedToken> _tokens = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _mintLocks = new();

    public async Task<string> GetTokenAsync(CoupaConnection connection, CancellationToken cancellationToken)
    {
        var key = connection.TokenCacheKey;
        if (_tokens.TryGetValue(key, out var cached) && cached.RefreshAt > time.GetUtcNow())
            return cached.AccessToken;

        var gate = _mintLocks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (_tokens.TryGetValue(key, out cached) && cached.RefreshAt > time.GetUtcNow())
                return cached.AccessToken;
            var minted = await MintAsync(connection, cancellationToken);
            _tokens[key] = minted;
            return minted.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets a token Coupa no longer accepts, unless another caller already replaced it.</summary>
    public void Invalidate(CoupaConnection connection, string rejectedToken)
    {
        var key = connection.TokenCacheKey;
        if (_tokens.TryGetValue(key, out var cached) && cached.AccessToken == rejectedToken)
            _tokens.TryRemove(KeyValuePair.Create(key, cached));
    }

    private async Task<CachedToken> MintAsync(CoupaConnection connection, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = connection.ClientId,
            ["client_secret"] = connection.ClientSecret.Reveal(),
            ["scope"] = string.Join(' ', connection.Scopes),
        };
        var response = await clients.CreateTokenApi(connection.BaseUrl).RequestTokenAsync(form, cancellationToken);
        if (response.IsSuccessful && !string.IsNullOrEmpty(response.Content?.AccessToken))
        {
            var lifetime = TimeSpan.FromSeconds(response.Content.ExpiresIn ?? 86399);
            var margin = TimeSpan.FromSeconds(Math.Min(options.Value.TokenRefreshMarginSeconds, lifetime.TotalSeconds / 2));
            logger.LogInformation("Coupa token minted for client {ClientId} on {Instance} with scopes {Scopes}, valid {LifetimeSeconds} s",
                connection.ClientId, connection.Instance, string.Join(' ', connection.Scopes), (int)lifetime.TotalSeconds);
            return new CachedToken(response.Content.AccessToken, time.GetUtcNow() + lifetime - margin);
        }
        throw TokenFailure(connection, response.StatusCode ?? 0, (response.Error as Refit.ApiException)?.Content);
    }

    private static IntegrationException TokenFailure(CoupaConnection connection, HttpStatusCode status, string? body)
    {
        var error = ReadOAuthError(body);
        var scopes = string.Join(' ', connection.Scopes);
        var where = $"Coupa token endpoint {connection.Instance}/oauth2/token";
        return (status, error) switch
        {
            (HttpStatusCode.BadRequest, "invalid_scope") => new IntegrationException(FailureKind.Configuration,
                $"{where} refused scope '{scopes}' for client id '{connection.ClientId}' (invalid_scope): grant the scope to the OAuth client in Coupa (Setup > Integrations > OAuth2/OpenID Connect Clients)."),
            (HttpStatusCode.BadRequest, "unsupported_grant_type" or "unauthorized_client") => new IntegrationException(FailureKind.Configuration,
                $"{where} says client id '{connection.ClientId}' may not use the client-credentials grant ({error}): set the client's grant type to Client credentials in Coupa."),
            (HttpStatusCode.Unauthorized, _) => new IntegrationException(FailureKind.Configuration,
                $"{where} rejected the credentials of client id '{connection.ClientId}' ({error ?? "401"}): check client_secret" +
                (connection.ClientSecret.HasSurroundingWhitespace ? " (it has whitespace at its start or end)" : "") + " and the client id."),
            (HttpStatusCode.NotFound, _) => new IntegrationException(FailureKind.Configuration,
                $"{where} does not exist (404): check base_api_url, it should be the instance root such as https://yourorg.coupahost.com/."),
            ( >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout, _) => new IntegrationException(FailureKind.Transient,
                $"{where} is unavailable ({(int)status}) after retries."),
            (0, _) => new IntegrationException(FailureKind.Transient, $"{where} could not be reached."),
            _ => new IntegrationException(FailureKind.Configuration, $"{where} answered {(int)status} {error}".TrimEnd() + "."),
        };
    }

    private static string? ReadOAuthError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
