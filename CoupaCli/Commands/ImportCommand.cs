using System.CommandLine;
using CoupaCli.Console;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaCli.Commands;

/// <summary><c>coupa import &lt;type&gt;</c>: one import into a data hub, with live progress and a summary.</summary>
internal static class ImportCommand
{
    public const string SecretVariable = "COUPA_CLIENT_SECRET";

    public static Command Create()
    {
        var type = new Argument<string?>("type") { Description = "Catalog import type (e.g. suppliers, purchase_orders); omit to take the endpoint from --settings.", Arity = ArgumentArity.ZeroOrOne };
        var settings = new Option<string?>("--settings") { Description = "Settings JSON: the hook's settings object, or a whole Rossum hook export." };
        var coupaUrl = new Option<string?>("--coupa-url") { Description = "Coupa instance root, e.g. https://yourorg.coupahost.com/ (overrides credentials.base_api_url)." };
        var clientId = new Option<string?>("--client-id") { Description = "Coupa OAuth client id (overrides credentials.client_id)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = $"Coupa OAuth client secret; prefer the {SecretVariable} environment variable." };
        var hub = new Option<string>("--hub") { Description = "Data hub, sqlite:PATH.", DefaultValueFactory = _ => "sqlite:.coupa/data.db" };
        var verbose = new Option<bool>("--verbose") { Description = "Structured progress logs on stderr." };
        var command = new Command("import", "Import one type of Coupa master data into a data hub.") { type, settings, coupaUrl, clientId, clientSecret, hub, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var loaded = SettingsFile.WithConnection(SettingsFile.Load(parse.GetValue(settings)), parse.GetValue(coupaUrl), parse.GetValue(clientId));
                var secretText = parse.GetValue(clientSecret) ?? Environment.GetEnvironmentVariable(SecretVariable);
                await using var services = CliServices.Build(parse.GetValue(verbose));
                var jobs = services.GetRequiredService<ImportJobs>();
                var plan = jobs.Plan(parse.GetValue(type), loaded, secretText is null ? null : new Secret(secretText));
                var dataHub = DataHubFactory.Open(parse.GetValue(hub)!);
                var summary = await ImportProgressView.RunAsync($"{plan.Type} → {plan.DatasetName}", progress => jobs.RunAsync(plan, dataHub, progress, cancellationToken));
                SummaryTable.Write($"Import into {dataHub.Description}", [summary]);
                if (summary.Error is not null) System.Console.Error.WriteLine($"coupa: {summary.Error}");
                return ExitCodes.For(summary.Status);
            }
            catch (IntegrationException e)
            {
                return ExitCodes.Fail(e);
            }
        });
        return command;
    }
}
