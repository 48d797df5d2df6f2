namespace CoupaSandbox.Query;

/// <summary>A request the API rejects with 400 and <c>{"errors":{"request":[message]}}</c>.</summary>
internal sealed class QueryException(string message) : Exception(message);
