namespace CoupaIntegration.Webhooks;

/// <summary>How our webhooks authenticate callers and protect what they hand to background runs. Section "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>The hook's <c>config.secret</c>: when set, every call must carry a valid X-Rossum-Signature-SHA256.</summary>
    public string? SignatureSecret { get; set; }

    /// <summary>Per-function signature secrets (key: import type, <c>import</c> for the generic URL, <c>export</c>), overriding <see cref="SignatureSecret"/>.</summary>
    public Dictionary<string, string> SignatureSecrets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Base64 of 32 random bytes, shared by every instance of the app: encrypts secrets carried by background runs and
    /// signs run-status links. Without it a key is generated per process (fine for `coupa serve`, not for scale-out).
    /// </summary>
    public string? ProtectionKey { get; set; }

    public string? SignatureSecretFor(string function) =>
        SignatureSecrets.TryGetValue(function, out var specific) && specific.Length > 0 ? specific : SignatureSecret is { Length: > 0 } s ? s : null;
}
