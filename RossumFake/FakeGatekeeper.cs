using System.Text;
using Microsoft.AspNetCore.Http;
using RossumFake.DataStorage;

namespace RossumFake;

/// <summary>
/// In front of every API route: injected faults, then the token check (401 <c>{"code":"error",…}</c> for an unknown
/// or expired token; the organisation of a valid one is what the handlers see), then the request log.
/// </summary>
public sealed class FakeGatekeeper(RequestDelegate next, RossumFakeOptions options, FakeTokens tokens, FakeRequestLog log)
{
    private readonly Lock _faults = new();

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var body = await ReadBodyAsync(http);
        string? organisation = null;
        if (path.StartsWith(DataStorageRoutes.Prefix, StringComparison.Ordinal) || path.StartsWith("/api/v1/", StringComparison.Ordinal))
        {
            organisation = tokens.OrganisationOf(http.Request.Headers.Authorization);
            if (IsFaultTarget(path) && TakeFault() is { } status)
                await Refuse(http, status, "Injected fault.");
            else if (organisation is null)
                await Refuse(http, StatusCodes.Status401Unauthorized, "Invalid token or token expired.");
            else
            {
                http.Items[DataStorageRoutes.OrganisationItem] = organisation;
                await ServeAsync(http, path);
            }
        }
        else
        {
            await next(http);
        }
        log.Add(new FakeRequest(DateTimeOffset.UtcNow, http.Request.Method, path, http.Response.StatusCode, organisation, body));
    }

    private async Task ServeAsync(HttpContext http, string path)
    {
        if (!IsFaultTarget(path) || !TakeLostResponse())
        {
            await next(http);
            return;
        }
        // Served for real into a buffer that is then thrown away.
        var original = http.Response.Body;
        http.Response.Body = new MemoryStream();
        await next(http);
        http.Response.Body = original;
        http.Response.Clear();
        await Refuse(http, options.FailStatus, "Injected fault after the request took effect.");
    }

    private bool IsFaultTarget(string path) =>
        path.StartsWith(DataStorageRoutes.Prefix, StringComparison.Ordinal)
        && (options.FaultEndpoint is not { } endpoint || path.EndsWith("/" + endpoint.TrimStart('/'), StringComparison.Ordinal));

    private int? TakeFault()
    {
        lock (_faults)
        {
            if (options.FailNextRequests <= 0) return null;
            options.FailNextRequests--;
            return options.FailStatus;
        }
    }

    private bool TakeLostResponse()
    {
        lock (_faults)
        {
            if (options.LoseNextResponses <= 0) return false;
            options.LoseNextResponses--;
            return true;
        }
    }

    private static Task Refuse(HttpContext http, int status, string message) =>
        FakeResults.Error(status, message).ExecuteAsync(http);

    private async Task<string?> ReadBodyAsync(HttpContext http)
    {
        if (!options.LogBodies || http.Request.ContentLength is null or 0 && !http.Request.Headers.TransferEncoding.Any()) return null;
        http.Request.EnableBuffering();
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, leaveOpen: true);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        http.Request.Body.Position = 0;
        return text;
    }
}
