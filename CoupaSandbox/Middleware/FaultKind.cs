namespace CoupaSandbox.Middleware;

internal enum FaultKind
{
    None,
    Drop,
    ServerError,
    MalformedJson,
}
