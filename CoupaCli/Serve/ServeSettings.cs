using Microsoft.Extensions.Configuration;

namespace CoupaCli.Serve;

/// <summary>
/// `coupa serve`'s configuration: COUPAFUNCTIONS_* environment variables (as every command), then what the
/// command line says, which wins.
/// </summary>
internal static class ServeSettings
{
    public const string SignatureSecretVariable = "COUPA_WEBHOOK_SECRET";

    // Configuration binding appends list entries to the defaults; a high index keeps ours from replacing an entry
    // set through the environment (COUPAFUNCTIONS_Secrets__CoupaHostAllowList__0).
    private const int AllowHostIndexBase = 1000;

    public static IConfiguration Build(string? signatureSecret, Uri? keyVault, IReadOnlyList<string> allowHosts)
    {
        var values = new Dictionary<string, string?>();
        if (signatureSecret is { Length: > 0 }) values["Webhooks:SignatureSecret"] = signatureSecret;
        if (keyVault is not null) values["Secrets:KeyVaultUri"] = keyVault.ToString();
        for (var i = 0; i < allowHosts.Count; i++)
            values[$"Secrets:CoupaHostAllowList:{AllowHostIndexBase + i}"] = allowHosts[i];
        return new ConfigurationBuilder()
            .AddEnvironmentVariables("COUPAFUNCTIONS_")
            .AddInMemoryCollection(values)
            .Build();
    }
}
