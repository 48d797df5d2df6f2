using System.CommandLine;
using CoupaCli.Console;
using CoupaCli.Exports;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using CoupaSandbox;
using Microsoft.Extensions.DependencyInjection;
using RossumFake;
using Spectre.Console;

namespace CoupaCli.Commands;

/// <summary>
/// <c>coupa demo</c>: the whole import story on one machine. A sandbox Coupa, every catalog import into a
/// fresh SQLite file, then a few changes in Coupa and an incremental run that picks up only those; finally a sample
/// invoice and credit note exported into the sandbox, with their Coupa ids and statuses.
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
        var exported = await ExportSamplesAsync(sandbox, services, cancellationToken);
        return failed.Count == 0 && exported ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>The export story: a sample invoice (submitted) and credit note (stays draft) through the export webhook's handler.</summary>
    private static async Task<bool> ExportSamplesAsync(SandboxServer sandbox, IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var rossum = await RossumFakeServer.StartAsync(new RossumFakeOptions(), cancellationToken);
        var token = rossum.Tokens.Mint(lifetime: TimeSpan.FromHours(1));
        var references = sandbox.Data.ValidInvoiceReferences();
        var table = new Table().AddColumns("Document", "Number", "Coupa invoice id", "Coupa status", "Messages");
        var ok = true;
        var suffix = DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (label, number, credit, annotationId) in new[] { ("Invoice", $"DEMO-{suffix}", false, 910_001L), ("Credit note", $"DEMO-CN-{suffix}", true, 910_002L) })
        {
            var payload = SamplePayloads.Create(references, number, credit, annotationId);
            LocalExport.PointAtFakes(payload, sandbox, rossum, token);
            var response = await LocalExport.RunAsync(services, payload, cancellationToken);
            var messages = (response["messages"]?.AsArray() ?? []).Select(m => $"{(string?)m!["type"]}: {(string?)m["content"]}").ToList();
            ok &= !messages.Any(m => m.StartsWith("error", StringComparison.Ordinal));
            table.AddRow(label, Markup.Escape(number), Markup.Escape(LocalExport.Written(payload, response, "coupa_invoice_id") ?? "-"),
                Markup.Escape(LocalExport.Written(payload, response, "api1_status") ?? "-"), Markup.Escape(string.Join(" | ", messages)));
        }
        AnsiConsole.Write(new Rule("[bold]Export into Coupa: a sample invoice and a credit note[/]"));
        AnsiConsole.Write(table);
        return ok;
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
