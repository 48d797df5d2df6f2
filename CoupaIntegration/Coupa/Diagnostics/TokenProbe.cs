using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text.Json;
using CoupaIntegration.Common;
using Polly.Timeout;
using Refit;

namespace CoupaIntegration.Coupa.Diagnostics;

/// <summary>How Coupa's token endpoint answered one client-credentials request.</summary>
internal enum TokenOutcome
{
    Granted,
    ScopeNotGranted,
    ClientRejected,
    GrantNotAllowed,
    OtherOAuthError,
    NotCoupa,
    Unreachable,
    Unavailable,
}

/// <summary>
/// The answer reduced to what the doctor explains: the outcome, Coupa's OAuth error code and description, and a
/// phrase for what came back. The access token itself is dropped at once: a doctor only needs to know one came.
/// </summary>
internal sealed record TokenProbeResult(TokenOutcome Outcome, int Status, string? Error, string? Description, string What)
{
    /// <summary>The client id and secret were accepted (a refused scope comes only after authentication).</summary>
    public bool ClientAccepted => Outcome is TokenOutcome.Granted or TokenOutcome.ScopeNotGranted;

    public string ErrorText => Error is null ? What : Description is { Length: > 0 } ? $"{Error}: {Description}" : Error;
}

/// <summary>One token request per scope over <see cref="ICoupaTokenApi"/>, classified without ever keeping the token.</summary>
internal sealed class TokenProbe(CoupaClientFactory clients)
{
    public async Task<TokenProbeResult> RequestAsync(Uri baseUrl, string clientId, Secret secret, string scope, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret.Reveal(),
            ["scope"] = scope,
        };
        try
        {
            var response = await clients.CreateTokenApi(baseUrl).RequestTokenAsync(form, cancellationToken);
            return Connection(response.Error, baseUrl) ?? Classify(response);
        }
        catch (Exception e) when (Connection(e, baseUrl) is { } failure)
        {
            return failure;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new TokenProbeResult(TokenOutcome.Unavailable, 0, null, null, "no answer in time");
        }
    }

    private static TokenProbeResult Classify(IApiResponse<CoupaTokenResponse> response)
    {
        var status = (int?)response.StatusCode ?? 0;
        if (response.IsSuccessful && !string.IsNullOrEmpty(response.Content?.AccessToken))
            return new TokenProbeResult(TokenOutcome.Granted, status, null, null, "a token");

        var api = response.Error as ApiException;
        var body = api?.Content;
        var (error, description) = ReadOAuthError(body);
        var what = Describe(status, body, api?.ContentHeaders?.ContentType?.MediaType ?? response.ContentHeaders?.ContentType?.MediaType);
        var outcome = (status, error) switch
        {
            (400, "invalid_scope") => TokenOutcome.ScopeNotGranted,
            (400, "unauthorized_client" or "unsupported_grant_type") => TokenOutcome.GrantNotAllowed,
            (_, "invalid_client") => TokenOutcome.ClientRejected,
            (401, not null) => TokenOutcome.ClientRejected,
            // A server that cannot take a POST here at all is not an OAuth token endpoint, busy or not.
            (405 or 501, _) => TokenOutcome.NotCoupa,
            (408 or 429 or >= 500, _) => TokenOutcome.Unavailable,
            (_, not null) => TokenOutcome.OtherOAuthError,
            // Anything without an OAuth error body (a 404 page, HTML, a 200 without a token) is not Coupa's token endpoint.
            _ => TokenOutcome.NotCoupa,
        };
        return new TokenProbeResult(outcome, status, error, description, what);
    }

    /// <summary>No HTTP answer at all: DNS, refused connection, TLS, time-out — found anywhere in the exception chain.</summary>
    private static TokenProbeResult? Connection(Exception? failure, Uri baseUrl)
    {
        var where = $"{baseUrl.Host}:{baseUrl.Port}";
        for (var e = failure; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutRejectedException:
                    return new TokenProbeResult(TokenOutcome.Unavailable, 0, null, null, $"no answer from {where} in time");
                case AuthenticationException tls:
                    return new TokenProbeResult(TokenOutcome.Unreachable, 0, null, null, $"the TLS handshake with {where} failed ({tls.Message})");
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return new TokenProbeResult(TokenOutcome.Unreachable, 0, null, null, $"nothing is listening on {where} (connection refused)");
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return new TokenProbeResult(TokenOutcome.Unreachable, 0, null, null, $"the host name {baseUrl.Host} does not resolve (DNS)");
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return new TokenProbeResult(TokenOutcome.Unreachable, 0, null, null, $"the host name {baseUrl.Host} does not resolve (DNS)");
                case HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } http when http.InnerException is null:
                    return new TokenProbeResult(TokenOutcome.Unreachable, 0, null, null, $"the TLS handshake with {where} failed");
            }
        }
        for (var e = failure; e is not null; e = e.InnerException)
            if (e is HttpRequestException http)
                return new TokenProbeResult(TokenOutcome.Unreachable, 0, null, null, $"{where} could not be reached ({http.HttpRequestError})");
        return null;
    }

    private static string Describe(int status, string? body, string? mediaType)
    {
        var text = body?.TrimStart() ?? "";
        var kind = text.Length == 0 ? "an empty answer"
            : mediaType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true || text.StartsWith('<') ? "an HTML page"
            : mediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true ? "JSON that is not an OAuth answer"
            : $"a {mediaType ?? "non-JSON"} answer";
        return status == 0 ? kind : $"{status} with {kind}";
    }

    private static (string? Error, string? Description) ReadOAuthError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.String)
                return (null, null);
            var description = root.TryGetProperty("error_description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
            // A description is Coupa's words, shown as is; keep a hostile or verbose server from flooding the table.
            return (error.GetString(), description is { Length: > 200 } ? description[..200] + "…" : description);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
