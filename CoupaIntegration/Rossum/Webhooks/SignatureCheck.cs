namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>Outcome of checking a hook call's signature; anything but <see cref="Valid"/> is answered with 401.</summary>
public enum SignatureCheck
{
    Valid,
    /// <summary>No <c>X-Rossum-Signature-SHA256</c> header although the hook has a secret.</summary>
    Missing,
    /// <summary>The header is not <c>sha256=&lt;64 hex digits&gt;</c>.</summary>
    Malformed,
    /// <summary>Well formed, but not the HMAC of this body with this secret (wrong secret or altered body).</summary>
    Mismatch,
}
