using System.CommandLine;
using CoupaCli.Console;
using CoupaIntegration.Common;
using CoupaIntegration.Coupa.Diagnostics;
using CoupaIntegration.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CoupaCli.Commands;

/// <summary>
/// <c>coupa doctor</c>: is this Coupa OAuth client ready for the chosen imports and the export? Exit codes follow
/// <see cref="ExitCodes"/>: 0 everything in place; 1 some checks could not be made (Coupa unavailable, try again);
/// 2 something to fix (a missing scope, the credentials, the grant type, the host) or bad options.
/// </summary>
internal static class DoctorCommand
{
    // Options given on the command line are added after any from the environment (binding appends to lists).
    private const int AllowHostIndexBase = 1000;

    public static Command Create()
    {
        var coupaUrl = new Option<string>("--coupa-url") { Description = "Coupa instance root, e.g. https://yourorg.coupahost.com/.", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "Coupa OAuth client id.", Required = true };
        var clientSecret = new Option<string?>("--client-secret") { Description = $"Coupa OAuth client secret; prefer the {ImportCommand.SecretVariable} environment variable or --key-vault-uri." };
        var keyVault = UrlOption.Create("--key-vault-uri", "Read the secret from this Key Vault (coupa-client-secret-{clientId}), as the Function App does; signs in with DefaultAzureCredential (az login).");
        var types = new Option<string?>("--types") { Description = "Comma-separated import types and/or 'export' to check (default: every catalog type and export)." };
        var allowHost = new Option<string[]>("--allow-host") { Description = "Adds a host to Secrets:CoupaHostAllowList (e.g. a sandbox or test tenant), repeatable.", DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of tables." };
        var verbose = new Option<bool>("--verbose") { Description = "Structured logs on stderr." };
        var command = new Command("doctor", "Check a Coupa OAuth client: host, secret, grant, and every scope the imports and the export need.")
            { coupaUrl, clientId, clientSecret, keyVault, types, allowHost, json, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var baseUrl = ParseUrl(parse.GetValue(coupaUrl)!);
                var vault = parse.GetValue(keyVault);
                // An option typed for this run wins over the environment; Key Vault only when asked for, or when no secret is given.
                var (secret, origin) = parse.GetValue(clientSecret) is { } given ? (new Secret(given), "--client-secret")
                    : vault is null && Environment.GetEnvironmentVariable(ImportCommand.SecretVariable) is { } fromEnvironment ? (new Secret(fromEnvironment), ImportCommand.SecretVariable)
                    : ((Secret?)null, "Key Vault");
                await using var services = CliServices.Build(parse.GetValue(verbose), Settings(vault, parse.GetValue(allowHost)!));
                if (secret is null && !services.GetRequiredService<KeyVaultSecrets>().IsConfigured)
                    throw new IntegrationException(FailureKind.BadRequest,
                        $"No Coupa client secret: pass --client-secret, set {ImportCommand.SecretVariable}, or name a Key Vault with --key-vault-uri.");

                var request = new DoctorRequest(baseUrl, parse.GetValue(clientId)!, secret, origin, SplitTypes(parse.GetValue(types)));
                var report = await services.GetRequiredService<CoupaDoctor>().ExamineAsync(request, cancellationToken);
                if (parse.GetValue(json)) DoctorView.WriteJson(report);
                else DoctorView.Write(report);
                if (report.Outcome != DoctorOutcome.Ready) System.Console.Error.WriteLine($"coupa: {DoctorView.Reason(report)}");
                return report.Outcome switch
                {
                    DoctorOutcome.Ready => ExitCodes.Success,
                    DoctorOutcome.NeedsFixing => ExitCodes.BadInput,
                    _ => ExitCodes.Failed,
                };
            }
            catch (IntegrationException e)
            {
                return ExitCodes.Fail(e);
            }
            catch (OptionsValidationException e)
            {
                System.Console.Error.WriteLine($"coupa: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var url) && url.Scheme is "https" or "http"
            ? url
            : throw new IntegrationException(FailureKind.BadRequest, $"--coupa-url must be an absolute https URL such as https://yourorg.coupahost.com/ (got \"{text}\").");

    private static IReadOnlyList<string> SplitTypes(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } list ? list
            : throw new IntegrationException(FailureKind.BadRequest, "--types names no type; leave it out to check every type.");

    /// <summary>
    /// A doctor answers in seconds: one retry per request and a 20 s attempt limit instead of an import's patience
    /// (8 retries, 2 minutes), unless the environment sets them (COUPAFUNCTIONS_Coupa__…).
    /// </summary>
    private static Dictionary<string, string?> Settings(Uri? keyVault, IReadOnlyList<string> allowHosts)
    {
        var values = new Dictionary<string, string?>();
        void Default(string key, string value)
        {
            if (Environment.GetEnvironmentVariable("COUPAFUNCTIONS_" + key.Replace(":", "__", StringComparison.Ordinal)) is null) values[key] = value;
        }
        Default("Coupa:MaxRetryAttempts", "1");
        Default("Coupa:RetryBaseDelaySeconds", "0.5");
        Default("Coupa:RetryMaxDelaySeconds", "2");
        Default("Coupa:AttemptTimeoutSeconds", "20");
        if (keyVault is not null) values["Secrets:KeyVaultUri"] = keyVault.ToString();
        for (var i = 0; i < allowHosts.Count; i++)
            values[$"Secrets:CoupaHostAllowList:{AllowHostIndexBase + i}"] = allowHosts[i];
        return values;
    }
}
