namespace CoupaIntegration.Common;

/// <summary>What the caller can do about a failure; hosts map it to a status code and a message once.</summary>
public enum FailureKind
{
    /// <summary>Worth retrying later as is (Coupa overloaded, network trouble after all retries).</summary>
    Transient,
    /// <summary>Something a person must fix in settings, secrets or Coupa/Rossum set-up.</summary>
    Configuration,
    /// <summary>The request itself is wrong (bad JSON, wrong types); retrying the same input fails again.</summary>
    BadRequest,
    /// <summary>Anything else; a bug or an answer we do not understand.</summary>
    Fatal,
}

/// <summary>
/// The one exception type the core lets out. Its message is written for the person reading the hook log:
/// it names the field or cause and never contains a secret.
/// </summary>
public class IntegrationException(FailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;
}
