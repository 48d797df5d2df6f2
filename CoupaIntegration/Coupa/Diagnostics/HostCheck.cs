using CoupaIntegration.Secrets;

namespace CoupaIntegration.Coupa.Diagnostics;

/// <summary>
/// Whether the instance's host is on <c>Secrets:CoupaHostAllowList</c>, and whether that matters for this run.
/// </summary>
internal static class HostCheck
{
    public const string Name = "host";

    /// <summary>
    /// A host off the list fails the run only when the secret comes from Key Vault, since that secret is never sent
    /// there. A secret given on the command line goes where its owner points it, exactly as a hook's own
    /// <c>secrets.client_secret</c> does; sandboxes and test tenants live off the list, so failing then would call
    /// working set-ups broken. It stays a warning, because the Function App's Key Vault fallback would refuse it.
    /// </summary>
    public static DoctorCheck For(Uri baseUrl, IReadOnlyList<string> allowList, bool secretFromKeyVault)
    {
        var host = baseUrl.Host;
        var listed = HostAllowList.Allows(allowList, baseUrl);
        var setting = $"Secrets:CoupaHostAllowList ({string.Join(", ", allowList)})";
        // Coupa serves HTTPS only; plain HTTP is for a sandbox on this machine.
        var plainHttp = baseUrl.Scheme == Uri.UriSchemeHttp && !baseUrl.IsLoopback
            ? " It is plain http://: Coupa serves HTTPS only, and the secret would cross the network unencrypted."
            : "";
        if (listed)
            return new DoctorCheck(Name, plainHttp.Length > 0 ? DoctorStatus.Warning : DoctorStatus.Ok, $"{host} is on {setting}.{plainHttp}".Trim());
        if (secretFromKeyVault)
            return new DoctorCheck(Name, DoctorStatus.Failed,
                $"{host} is not on {setting}: a Key Vault client secret is never sent there. Check the Coupa URL; for a sandbox or test host, add it (--allow-host, or the setting in the Function App).{plainHttp}");
        return new DoctorCheck(Name, DoctorStatus.Warning,
            $"{host} is not on {setting}: fine for a secret given here or in a hook's secrets.client_secret, but a Key Vault secret would not be sent there; add the host (--allow-host, or the setting) if the secret will come from Key Vault.{plainHttp}");
    }
}
