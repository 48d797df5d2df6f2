using CoupaSandbox.Data;
using CoupaSandbox.Hosting;
using CoupaSandbox.Middleware;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Api;

/// <summary>Resolves the resource of a request and checks the token's scopes; answers 404/403 itself when it fails.</summary>
internal static class ResourceAccess
{
    public static async Task<ResourceStore?> ResolveAsync(HttpContext context, string? resource, string? requiredScope = null)
    {
        if (resource is null || !context.Sandbox().Data.TryGetStore(resource, out var store))
        {
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Unknown resource {resource}");
            return null;
        }
        return await RequireScopeAsync(context, requiredScope ?? store.Generator.Scope) ? store : null;
    }

    /// <summary>For actions Coupa grants under several scopes (create or write an invoice): any one of them is enough.</summary>
    public static async Task<bool> RequireAnyScopeAsync(HttpContext context, params string[] scopes)
    {
        var token = ApiAuthMiddleware.TokenOf(context);
        if (token is not null && scopes.Any(token.Scopes.Contains))
            return true;
        await JsonHttp.WriteErrorAsync(context, StatusCodes.Status403Forbidden, $"Forbidden: the access token lacks the scope {string.Join(" or ", scopes)}");
        return false;
    }

    public static async Task<bool> RequireScopeAsync(HttpContext context, string scope)
    {
        var token = ApiAuthMiddleware.TokenOf(context);
        if (token is not null && token.Scopes.Contains(scope))
            return true;
        await JsonHttp.WriteErrorAsync(context, StatusCodes.Status403Forbidden, $"Forbidden: the access token lacks the scope {scope}");
        return false;
    }
}
