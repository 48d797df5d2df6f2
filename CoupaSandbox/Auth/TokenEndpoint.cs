using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CoupaSandbox.Api;
using CoupaSandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoupaSandbox.Auth;

/// <summary>POST /oauth2/token, client-credentials only, with the error answers reported for Coupa (coupa.md §1).</summary>
internal static class TokenEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/oauth2/token", (RequestDelegate)IssueAsync);

    private static async Task IssueAsync(HttpContext context)
    {
        var sandbox = context.Sandbox();
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : FormCollection.Empty;
        var credentials = ClientCredentials.Read(context.Request, form);

        if (string.IsNullOrEmpty(credentials.ClientId))
        {
            await OAuthError(context, 401, "invalid_client");
            return;
        }
        // A secret pasted with surrounding whitespace is rejected as if it were missing (reported Coupa behaviour).
        if (string.IsNullOrEmpty(credentials.ClientSecret) || credentials.ClientSecret != credentials.ClientSecret.Trim())
        {
            await OAuthError(context, 401, "invalid_client", "'client_secret' missing");
            return;
        }
        var client = sandbox.Options.Clients.FirstOrDefault(c => c.ClientId == credentials.ClientId);
        if (client is null || !SecretsEqual(client.ClientSecret, credentials.ClientSecret))
        {
            await OAuthError(context, 401, "invalid_client");
            return;
        }
        string? grantType = form["grant_type"].FirstOrDefault();
        if (string.IsNullOrEmpty(grantType))
        {
            await OAuthError(context, 400, "invalid_request", "'grant_type' missing");
            return;
        }
        if (grantType != SandboxClient.ClientCredentialsGrant)
        {
            await OAuthError(context, 400, "unsupported_grant_type");
            return;
        }
        // A client set up for another flow (authorization code) may not mint client-credentials tokens (RFC 6749 §5.2).
        if (!client.GrantTypes.Contains(SandboxClient.ClientCredentialsGrant))
        {
            await OAuthError(context, 400, "unauthorized_client", "The client is not authorized to use the client_credentials grant");
            return;
        }
        var requested = (form["scope"].FirstOrDefault() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (requested.Any(s => !client.Scopes.Contains(s)))
        {
            await OAuthError(context, 400, "invalid_scope");
            return;
        }
        // No scope requested = every scope granted to the client (PostHog's fallback relies on this).
        IReadOnlyCollection<string> scopes = requested.Length == 0 ? [.. client.Scopes] : [.. requested.Distinct()];
        var lifetime = sandbox.Options.TokenLifetime;
        string token = sandbox.Tokens.Issue(client.ClientId, scopes, lifetime);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        await JsonHttp.WriteAsync(context, 200, new JsonObject
        {
            ["access_token"] = token,
            ["token_type"] = "bearer",
            ["expires_in"] = (long)Math.Ceiling(Math.Max(0, lifetime.TotalSeconds)),
            ["scope"] = string.Join(' ', scopes),
        });
    }

    private static bool SecretsEqual(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(actual));

    private static Task OAuthError(HttpContext context, int status, string error, string? description = null)
    {
        var body = new JsonObject { ["error"] = error };
        if (description is not null)
            body["error_description"] = description;
        return JsonHttp.WriteAsync(context, status, body);
    }
}
