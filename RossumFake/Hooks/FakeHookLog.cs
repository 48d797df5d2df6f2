namespace RossumFake.Hooks;

/// <summary>A hook call log row with the fields Rossum documents for <c>GET /api/v1/hooks/logs</c>.</summary>
public sealed record FakeHookLog(DateTimeOffset Timestamp, string RequestId, string Event, string Action, long HookId,
    string LogLevel, string Message, string Status, int? StatusCode, string Organisation);
