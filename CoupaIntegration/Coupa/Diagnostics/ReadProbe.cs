using System.Text.Json;
using CoupaIntegration.Common;
using Polly.Timeout;
using Refit;

namespace CoupaIntegration.Coupa.Diagnostics;

/// <summary>
/// The cheapest read an import makes: <c>limit=1</c>, <c>fields=["id"]</c> on the type's endpoint, through the
/// same <see cref="ICoupaApi"/> pipeline as imports (token cache, retries, rate limit), with a token holding only
/// the scope under test — so a 403 means that scope (or the client's user) does not cover the endpoint.
/// </summary>
internal sealed class ReadProbe(CoupaClientFactory clients)
{
    private static readonly Dictionary<string, string> CheapQuery = new() { ["limit"] = "1", ["fields"] = """["id"]""" };

    public async Task<(DoctorStatus Status, string Detail)> ReadAsync(CoupaConnection connection, string endpoint, CancellationToken cancellationToken)
    {
        var scope = string.Join(' ', connection.Scopes);
        var call = $"GET {endpoint}?limit=1";
        IApiResponse<JsonElement> response;
        try
        {
            response = await clients.CreateApi(connection.BaseUrl).QueryAsync(endpoint, CheapQuery, connection, cancellationToken);
        }
        catch (Exception e) when (e is IntegrationException or HttpRequestException or TimeoutRejectedException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return NoAnswer(e, call);
        }
        for (Exception? inner = response.Error; inner is not null; inner = inner.InnerException)
            if (inner is IntegrationException or HttpRequestException or TimeoutRejectedException)
                return NoAnswer(inner, call);

        var status = (int?)response.StatusCode ?? 0;
        var messages = CoupaErrors.ReadMessages((response.Error as ApiException)?.Content);
        var coupaSays = messages.Count > 0 ? $" (Coupa: {string.Join("; ", messages)})" : "";
        if (response.IsSuccessful)
            return response.Content.ValueKind == JsonValueKind.Array
                ? (DoctorStatus.Ok, $"{call} answered {status} ({Records(response.Content.GetArrayLength())})")
                : (DoctorStatus.Failed, $"{call} answered {status} but not with a list of records: is this a Coupa instance?");
        return status switch
        {
            401 => (DoctorStatus.Failed, $"{call} answered 401 to a freshly minted token{coupaSays}: the client's tokens are not accepted by the API."),
            403 => (DoctorStatus.Failed, $"{call} answered 403{coupaSays}: scope {scope} is granted but does not open this endpoint, or the Coupa user behind the client lacks the permission."),
            404 => (DoctorStatus.Failed, $"{call} answered 404{coupaSays}: the endpoint is not enabled on this instance (module not licensed or switched off)."),
            408 or 429 or >= 500 => (DoctorStatus.Unavailable, $"{call} kept answering {status} after retries: try again later."),
            _ => (DoctorStatus.Failed, $"{call} answered {status}{coupaSays}."),
        };
    }

    private static string Records(int count) => count == 0 ? "no records yet" : count == 1 ? "1 record" : $"{count} records";

    private static (DoctorStatus, string) NoAnswer(Exception e, string call) => e switch
    {
        IntegrationException { Kind: FailureKind.Transient } known => (DoctorStatus.Unavailable, known.Message),
        IntegrationException known => (DoctorStatus.Failed, known.Message),
        _ => (DoctorStatus.Unavailable, $"{call} got no answer in time, after retries: try again later."),
    };
}
