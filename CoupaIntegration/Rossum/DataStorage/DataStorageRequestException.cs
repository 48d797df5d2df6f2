using System.Net;
using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>Data Storage refused a call with an HTTP status; the hub reacts to a few (an insert's duplicate _id).</summary>
public sealed class DataStorageRequestException(HttpStatusCode status, FailureKind kind, string message, Exception? inner = null)
    : IntegrationException(kind, message, inner)
{
    public HttpStatusCode StatusCode { get; } = status;
}
