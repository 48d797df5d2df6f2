using System.Text.Json.Nodes;
using CoupaIntegration.Rossum.Api.Wire;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// How we recognise our own hooks: <c>metadata.coupa_functions</c>, an object holding the hook's role and
/// fingerprints of the secrets we set. <c>metadata</c> is the hook's "client data", returned on every GET and
/// writable by PATCH (VERIFIED, spec §6), and unlike <c>settings</c> it is not sent to the function on each call.
/// A hook without the marker is someone else's, whatever its name: it is never changed or deleted.
/// </summary>
public static class HookMarker
{
    public const string MetadataKey = "coupa_functions";
    public const string RoleKey = "role";
    public const string InstalledByKey = "installed_by";
    public const string SignatureSecretKey = "signature_secret_fingerprint";
    public const string ClientSecretKey = "client_secret_fingerprint";
    public const string InstalledBy = "coupa rossum install";

    public static JsonObject? Read(RossumHook hook) => hook.Metadata?[MetadataKey] as JsonObject;

    public static HookRole? RoleOf(RossumHook hook) =>
        Read(hook)?[RoleKey] is JsonValue role && role.TryGetValue<string>(out var key) ? HookRole.Parse(key) : null;

    public static string? Fingerprint(RossumHook hook, string key) =>
        Read(hook)?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>The hook's metadata with our marker set; whatever else its metadata holds is kept.</summary>
    public static JsonObject Write(JsonObject? existing, HookRole role, string? signatureFingerprint, string? clientSecretFingerprint)
    {
        var metadata = existing?.DeepClone().AsObject() ?? new JsonObject();
        var marker = new JsonObject { [RoleKey] = role.Key, [InstalledByKey] = InstalledBy };
        if (signatureFingerprint is not null) marker[SignatureSecretKey] = signatureFingerprint;
        if (clientSecretFingerprint is not null) marker[ClientSecretKey] = clientSecretFingerprint;
        metadata[MetadataKey] = marker;
        return metadata;
    }
}
