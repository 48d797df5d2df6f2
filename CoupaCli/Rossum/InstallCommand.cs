using System.CommandLine;
using CoupaCli.Commands;
using CoupaCli.Console;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaCli.Rossum;

/// <summary>
/// <c>coupa rossum install</c>: creates or updates our hooks (one per import type, the export, the duplicate check)
/// so they call the Function App, prints the plan first, and with <c>--dry-run</c> only the plan.
/// </summary>
internal static class InstallCommand
{
    public const string FunctionKeyVariable = "COUPA_FUNCTION_KEY";
    public const string SignatureSecretVariable = "COUPA_WEBHOOK_SECRET";

    public static Command Create()
    {
        var rossum = new RossumConnectionOptions();
        var functionUrl = new Option<string>("--function-url") { Description = "The Function App's root, e.g. https://acme-coupa.azurewebsites.net (or `coupa serve`'s URL).", Required = true };
        var functionKey = new Option<string?>("--function-key") { Description = $"Function key, sent as ?code= in each hook URL; prefer {FunctionKeyVariable}." };
        var coupaUrl = new Option<string>("--coupa-url") { Description = "Coupa instance root, e.g. https://acme.coupahost.com/ (credentials.base_api_url).", Required = true };
        var clientId = new Option<string>("--client-id") { Description = "Coupa OAuth client id (credentials.client_id).", Required = true };
        var clientSecret = new Option<string?>("--client-secret") { Description = $"Coupa OAuth client secret, stored in each hook's secrets; prefer {ImportCommand.SecretVariable}. Without it the functions use Key Vault." };
        var types = new Option<string[]>("--types") { Description = "Import types to install (comma-separated or repeated); default: every catalog type.", AllowMultipleArgumentsPerToken = true };
        var datasets = new Option<string[]>("--dataset") { Description = "TYPE=NAME: the dataset an import writes to (repeatable).", AllowMultipleArgumentsPerToken = true };
        var prefix = new Option<string?>("--dataset-prefix") { Description = "Put before every catalog dataset name, e.g. test_." };
        var schedules = new Option<string[]>("--schedule") { Description = "TYPE=CRON (UTC, five fields) over the staggered default (repeatable); kept in line on later installs.", AllowMultipleArgumentsPerToken = true };
        var queues = new Option<string[]>("--queue") { Description = "Queue id or URL for the export and duplicate-check hooks (repeatable); without it their queues are left as they are.", AllowMultipleArgumentsPerToken = true };
        var noExports = new Option<bool>("--no-exports") { Description = "Install only the import hooks." };
        var tokenOwner = new Option<string?>("--token-owner") { Description = "User id or URL whose token the hooks get; default: the API token's user." };
        var signatureSecret = new Option<string?>("--signature-secret") { Description = $"The Function App's Webhooks:SignatureSecret; prefer {SignatureSecretVariable}." };
        var keyVault = new Option<string?>("--key-vault-uri") { Description = $"Key Vault holding {SignatureSecretStore.SecretName} (read, or created when missing); signs in with DefaultAzureCredential (az login)." };
        var rotate = new Option<bool>("--rotate-signature-secret") { Description = "Give every hook a new signature secret (stored in Key Vault, or shown once)." };
        var reset = new Option<bool>("--reset-settings") { Description = "Write the catalog's settings and schedules again, undoing edits made in Rossum." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the plan (create / update / unchanged, with the fields that would change) and write nothing." };
        var verbose = new Option<bool>("--verbose") { Description = "Structured logs on stderr." };
        var command = new Command("install", "Create or update our hooks in a Rossum organisation (idempotent; never deletes).");
        rossum.AddTo(command);
        foreach (var option in new Option[] { functionUrl, functionKey, coupaUrl, clientId, clientSecret, types, datasets, prefix, schedules, queues, noExports, tokenOwner, signatureSecret, keyVault, rotate, reset, dryRun, verbose })
            command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var request = new HookInstallRequest
                {
                    RossumUrl = rossum.UrlFrom(parse),
                    RossumToken = rossum.TokenFrom(parse),
                    FunctionUrl = RossumConnectionOptions.Absolute(parse.GetValue(functionUrl), "--function-url"),
                    FunctionKey = SecretFrom(parse.GetValue(functionKey), FunctionKeyVariable),
                    CoupaUrl = RossumConnectionOptions.Absolute(parse.GetValue(coupaUrl), "--coupa-url").ToString(),
                    ClientId = parse.GetValue(clientId)!,
                    ClientSecret = SecretFrom(parse.GetValue(clientSecret), ImportCommand.SecretVariable),
                    Types = KeyValueArguments.List(parse.GetValue(types)),
                    Datasets = KeyValueArguments.Parse(parse.GetValue(datasets), "--dataset"),
                    DatasetPrefix = parse.GetValue(prefix),
                    Schedules = KeyValueArguments.Parse(parse.GetValue(schedules), "--schedule"),
                    Queues = parse.GetValue(queues) is { Length: > 0 } q ? KeyValueArguments.List(q) : null,
                    IncludeExports = !parse.GetValue(noExports),
                    TokenOwner = parse.GetValue(tokenOwner),
                    SignatureSecret = SecretFrom(parse.GetValue(signatureSecret), SignatureSecretVariable),
                    KeyVaultUri = parse.GetValue(keyVault) is { } vault ? RossumConnectionOptions.Absolute(vault, "--key-vault-uri") : null,
                    RotateSignatureSecret = parse.GetValue(rotate),
                    ResetSettings = parse.GetValue(reset),
                    DryRun = parse.GetValue(dryRun),
                };
                await using var services = CliServices.Build(parse.GetValue(verbose));
                return await RunAsync(services.GetRequiredService<HookInstaller>(), request, cancellationToken);
            }
            catch (IntegrationException e)
            {
                return ExitCodes.Fail(e);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(HookInstaller installer, HookInstallRequest request, CancellationToken cancellationToken)
    {
        var preview = await installer.PlanAsync(request, cancellationToken);
        HookPlanView.WritePlan(preview, request.DryRun);
        if (preview.Problems.Count > 0)
        {
            System.Console.Error.WriteLine($"coupa: {preview.ProblemMessage}");
            return ExitCodes.BadInput;
        }
        if (request.DryRun)
        {
            System.Console.WriteLine("Dry run: nothing was written.");
            return ExitCodes.Success;
        }
        if (!preview.Plan.HasWrites && !preview.Signature.MustBeStored)
        {
            System.Console.WriteLine($"Nothing to change: {preview.Plan.Count(HookPlanAction.Unchanged)} hook(s) already as they should be.");
            return ExitCodes.Success;
        }
        var applied = await installer.ApplyAsync(preview, new SynchronousProgress<HookPlanItem>(HookPlanView.WriteApplied), cancellationToken);
        HookPlanView.WriteDone(preview, applied);
        return ExitCodes.Success;
    }

    private static Secret? SecretFrom(string? value, string variable) =>
        (value ?? Environment.GetEnvironmentVariable(variable)) is { Length: > 0 } text ? new Secret(text.Trim()) : null;
}
