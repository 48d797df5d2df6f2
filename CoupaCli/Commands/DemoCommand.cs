using System.CommandLine;
using CoupaCli.Console;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using CoupaSandbox;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CoupaCli.Commands;

/// <summary>
/// <c>coupa demo</c>: the whole import story on one machine. A sandbox Coupa, every catalog import into a
/// fresh SQLite file, then a few changes in Coupa and an incremental run that picks up only those.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var hub = new Option<string>("--hub") { Description = "Where the demo writes (recreated each time).", DefaultValueFactory = _ => "sqlite:.coupa/demo.db" };
        var records = RecordCounts.Option();
        var verbose = new Option<bool>("--verbose") { Description = "Structured progress logs on stderr." };
        var command = new Command("demo", "Run every import against a local Coupa sandbox, then an incremental run.") { hub, records, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                return await RunAsync(parse.GetValue(hub)!, RecordCounts.Parse(parse.GetValue(records)!), parse.GetValue(verbose), cancellationToken);
            }
            catch (IntegrationException e)
            {
                return ExitCodes.Fail(e);
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(string hubSpec, Dictionary<string, int> records, bool verbose, CancellationToken cancellationToken)
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxOptions { Records = records }, cancellationToken);
        AnsiConsole.MarkupLine($"[bold]Coupa sandbox[/] on {Markup.Escape(sandbox.BaseUrl.ToString())}");
        var hub = DataHubFactory.Open(hubSpec, fresh: true);
        AnsiConsole.MarkupLine($"[bold]Data hub[/] {Markup.Escape(hub.Description)}");

        await using var services = CliServices.Build(verbose);
        var jobs = services.GetRequiredService<ImportJobs>();
        var client = sandbox.Options.Clients[0];
        var settings = ImportSettingsParser.Empty with
        {
            Credentials = new CredentialsSettings(client.ClientId, sandbox.BaseUrl.ToString(), null),
        };
        var plans = jobs.Catalog.Entries.Select(e => jobs.Plan(e.Type, settings, new Secret(client.ClientSecret))).ToList();

        var first = await ImportAllAsync(jobs, plans, hub, cancellationToken);
        SummaryTable.Write("Full import: every catalog type", first);

        var changes = ChangeSomeRecords(sandbox.Data);
        AnsiConsole.MarkupLine($"[bold]Changed in Coupa[/]: {Markup.Escape(changes)}");

        var second = await ImportAllAsync(jobs, plans, hub, cancellationToken);
        SummaryTable.Write("Incremental import: only what changed since the first run started", second);

        var datasets = await hub.ListDatasetsAsync(cancellationToken);
        AnsiConsole.MarkupLine($"[bold]{datasets.Count} datasets, {datasets.Sum(d => d.Records):N0} records[/] in {Markup.Escape(hub.Description)}");
        var failed = first.Concat(second).Where(s => s.Status != ImportRunStatus.Completed).ToList();
        foreach (var f in failed) System.Console.Error.WriteLine($"coupa: {f.Type}: {f.Error}");
        return failed.Count == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<List<ImportSummary>> ImportAllAsync(ImportJobs jobs, IEnumerable<ImportPlan> plans, IDataHub hub, CancellationToken cancellationToken)
    {
        var summaries = new List<ImportSummary>();
        foreach (var plan in plans)
            summaries.Add(await ImportProgressView.RunAsync($"{plan.Type}", progress => jobs.RunAsync(plan, hub, progress, cancellationToken)));
        return summaries;
    }

    private static string ChangeSomeRecords(SandboxData data)
    {
        var suppliers = data.Update("suppliers", 7).Count;
        var remitTo = data.UpdateRemitToAddresses(4).Count;
        var orders = data.Update("purchase_orders", 5).Count;
        var lookups = data.Update("lookup_values", 10).Count + data.Create("lookup_values", 3).Count;
        var taxCodes = data.Update("tax_codes", 2).Count;
        return $"{suppliers} suppliers, {remitTo} suppliers' remit-to addresses, {orders} purchase orders, {lookups} lookup values (3 new), {taxCodes} tax codes";
    }
}
