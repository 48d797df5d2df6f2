using CoupaIntegration.Common;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// Everything a background run needs to execute an import later, possibly in another process: the hook's settings
/// as JSON (re-validated on execution), where the data goes, and the secrets — carried only in protected form
/// (<see cref="IPayloadProtector"/>), so orchestration history and queues never hold them in clear text.
/// </summary>
public sealed record ImportJobRequest
{
    /// <summary>Catalog type from the function's URL, or null for the generic endpoint (type from the settings).</summary>
    public string? Type { get; init; }
    public required string SettingsJson { get; init; }
    /// <summary>Identifies "the same dataset" for the one-run-at-a-time rule: Rossum organisation + dataset name.</summary>
    public required string DatasetKey { get; init; }
    public required string DatasetName { get; init; }
    /// <summary>Rossum environment, e.g. https://acme.rossum.app; null means the local SQLite hub.</summary>
    public string? RossumBaseUrl { get; init; }
    /// <summary>Protected Rossum token from the payload (dies after token_lifetime_s).</summary>
    public string? ProtectedRossumToken { get; init; }
    /// <summary>Protected Coupa client secret from the payload's secrets; null means "look it up in Key Vault".</summary>
    public string? ProtectedCoupaSecret { get; init; }
    /// <summary>The Rossum hook that called (for logs and run status), e.g. https://acme.rossum.app/api/v1/hooks/789.</summary>
    public string? HookUrl { get; init; }
    public string? RequestId { get; init; }
}

/// <summary>
/// Protects secrets that must travel with a job, and signs values that must not be forged (run-status links);
/// one key, from an app setting shared by every instance.
/// </summary>
public interface IPayloadProtector
{
    string Protect(Secret secret);
    Secret Unprotect(string protectedValue);
    string Sign(string value);
    bool Verify(string value, string? signature);
}
