using System.ComponentModel.DataAnnotations;

namespace CoupaIntegration.Secrets;

/// <summary>Where fallback secrets live and where they may be sent. Section "Secrets".</summary>
public sealed class SecretsOptions
{
    public const string SectionName = "Secrets";

    /// <summary>Key Vault holding fallback secrets, e.g. https://acme-coupa.vault.azure.net/; none disables the fallback.</summary>
    public Uri? KeyVaultUri { get; set; }

    /// <summary>
    /// Hosts a Key Vault client secret may be sent to. A hook's own <c>secrets.client_secret</c> goes where its
    /// settings say; a fallback secret never leaves for a host that is not Coupa's (a mistyped or hostile URL).
    /// </summary>
    [MinLength(1)]
    public List<string> CoupaHostAllowList { get; set; } = ["*.coupahost.com", "*.coupacloud.com", "*.coupadev.com"];

    /// <summary>
    /// Rossum hosts the Key Vault Rossum API token may be sent to. A payload's <c>base_url</c> is the caller's word:
    /// without this check a signed-but-mistaken (or unsigned) call could make us hand an organisation's long-lived
    /// token to any host. Configured entries add to the defaults (configuration binding appends to lists).
    /// </summary>
    [MinLength(1)]
    public List<string> RossumHostAllowList { get; set; } = ["*.rossum.app", "*.rossum.ai"];

    /// <summary>Key Vault secret holding a Coupa client secret; <c>{clientId}</c> is the OAuth client id (Key Vault names: letters, digits, dashes).</summary>
    [Required]
    public string CoupaClientSecretName { get; set; } = "coupa-client-secret-{clientId}";

    /// <summary>Key Vault secret holding a Rossum API token for runs that outlive the hook's token; <c>{host}</c> is the Rossum host.</summary>
    [Required]
    public string RossumApiTokenName { get; set; } = "rossum-api-token-{host}";

    /// <summary>Key Vault secret names are 1–127 of [0-9a-zA-Z-]: anything else in a client id or host becomes '-'.</summary>
    public static string KeyVaultName(string format, string placeholder, string value) =>
        format.Replace(placeholder, new string(value.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()), StringComparison.Ordinal);
}
