using CoupaSandbox.Api;
using CoupaSandbox.Auth;
using CoupaSandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Middleware;

/// <summary>Bearer check for /api, then content negotiation: the sandbox only speaks JSON and refuses requests that did
/// not ask for it, because real Coupa would answer them in XML.</summary>
internal sealed class ApiAuthMiddleware(RequestDelegate next, SandboxContext sandbox)
{
    private const string TokenKey = "sandbox.token";

    public static TokenInfo? TokenOf(HttpContext context) => context.Items.TryGetValue(TokenKey, out var token) ? token as TokenInfo : null;

    public Task InvokeAsync(HttpContext context)
    {
        string header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? sandbox.Tokens.Validate(header[7..].Trim()) : null;
        if (token is null)
        {
            sandbox.Stats.CountUnauthorized();
            return JsonHttp.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized: invalid or expired access token");
        }
        context.Items[TokenKey] = token;
        string accept = context.Request.Headers.Accept.ToString();
        if (!accept.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return JsonHttp.WriteErrorAsync(context, StatusCodes.Status406NotAcceptable,
                $"Not acceptable: this sandbox only serves JSON; send 'Accept: application/json' (got '{accept}')");
        }
        return next(context);
    }
}
