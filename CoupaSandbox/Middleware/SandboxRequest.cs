namespace CoupaSandbox;

/// <summary>One request as received. Query holds decoded keys and values exactly as sent (e.g. "updated-at[gt_or_eq]",
/// "fields" with the raw JSON text); repeated keys are joined with ",". Status 0 = connection dropped by fault injection.</summary>
public sealed record SandboxRequest(DateTimeOffset At, string Method, string Path, IReadOnlyDictionary<string, string> Query, int Status);
