using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.Setup;

public enum SignatureSecretSource
{
    /// <summary>Read from Key Vault.</summary>
    KeyVault,
    /// <summary>Made now and written to Key Vault (it had none, or --rotate-signature-secret).</summary>
    KeyVaultNew,
    /// <summary>Given by the person (--signature-secret or COUPA_WEBHOOK_SECRET).</summary>
    Given,
    /// <summary>As our existing hooks show it.</summary>
    ExistingHooks,
    /// <summary>Made now, no Key Vault: shown once, to be set on the Function App.</summary>
    Generated,
    /// <summary>Not known: Rossum hides it and none was given; hooks are left signing as they do.</summary>
    Unknown,
}

/// <summary>The signature secret every hook of ours signs with, and where it came from.</summary>
public sealed record SignatureSecretChoice(Secret? Value, SignatureSecretSource Source)
{
    /// <summary>Whether the person must be shown it once (nowhere else holds it).</summary>
    public bool MustBeShown => Source == SignatureSecretSource.Generated;

    public bool MustBeStored => Source == SignatureSecretSource.KeyVaultNew;

    public static Secret New() => new(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
}
