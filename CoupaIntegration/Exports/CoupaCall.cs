using System.Net.Http;
using System.Text.Json;
using CoupaIntegration.Common;
using Polly.Timeout;
using Refit;

namespace CoupaIntegration.Exports;

/// <summary>
/// A Coupa call's answer reduced to what the export decides on: the status (0 when no answer came), the body,
/// Coupa's readable error lines, and whether trying again might help.
/// </summary>
internal sealed record CoupaCall(int Status, JsonElement? Body, IReadOnlyList<string> Errors, string? RawError)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>No answer, a time-out, throttling or a server error: the write may or may not have happened.</summary>
    public bool Uncertain => Status is 0 or 408 or 429 or >= 500;

    public string Describe() => Errors.Count > 0 ? string.Join("; ", Errors)
        : Status == 0 ? "Coupa did not answer in time" : $"Coupa answered {Status}";

    public static async Task<CoupaCall> RunAsync(Func<CancellationToken, Task<IApiResponse<JsonElement>>> call, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout is { } t) attempt.CancelAfter(t);
        try
        {
            var response = await call(attempt.Token);
            // Refit hands back inside the response what the pipeline threw. Our own exception (a refused token: wrong
            // secret, missing scope) names its cause and kind, and must not pass for "Coupa did not answer".
            if (response.Error?.InnerException is IntegrationException refused) throw refused;
            var status = (int?)response.StatusCode ?? 0;
            if (response.IsSuccessStatusCode) return new CoupaCall(status, response.Content, [], null);
            var raw = (response.Error as ApiException)?.Content;
            return new CoupaCall(status, null, Coupa.CoupaErrors.ReadMessages(raw), raw);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new CoupaCall(0, null, [], null);
        }
    }
}
