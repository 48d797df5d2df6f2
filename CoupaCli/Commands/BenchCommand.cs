using System.CommandLine;
using CoupaCli.Bench;
using CoupaCli.Console;
using CoupaIntegration.Common;
using CoupaIntegration.DataHub;
using CoupaIntegration.Imports;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CoupaCli.Commands;

/// <summary>
/// <c>coupa bench import</c>: throughput against a sandbox with Coupa's latency and rate limit, compared with a
/// strictly sequential import in the same run. <c>coupa bench memory</c>: peak memory over a million records.
/// </summary>
internal static class BenchCommand
{
    private const double CoupaCeilingRecordsPerSecond = 25 * 50;

    public static Command Create()
    {
        var type = new Option<string>("--type") { Description = "Catalog import type.", DefaultValueFactory = _ => "suppliers" };
        var records = new Option<int>("--records") { Description = "Records in the sandbox.", DefaultValueFactory = _ => 100_000 };
        var latency = new Option<int>("--latency-ms") { Description = "Added latency per Coupa request.", DefaultValueFactory = _ => 500 };
        var sequential = new Option<int>("--sequential-records") { Description = "Records in the sequential baseline.", DefaultValueFactory = _ => 10_000 };
        var import = new Command("import", "Throughput at Coupa's 25 requests/s limit vs. a sequential import.") { type, records, latency, sequential };
        import.SetAction((parse, ct) => Guard(() => ImportAsync(parse.GetValue(type)!, parse.GetValue(records), parse.GetValue(latency), parse.GetValue(sequential), ct)));

        var memoryType = new Option<string>("--type") { Description = "Catalog import type.", DefaultValueFactory = _ => "lookup_values" };
        var memoryRecords = new Option<int>("--records") { Description = "Records in the sandbox.", DefaultValueFactory = _ => 1_000_000 };
        var memory = new Command("memory", "Peak resident memory while importing many records (no latency, no rate limit).") { memoryType, memoryRecords };
        memory.SetAction((parse, ct) => Guard(() => MemoryAsync(parse.GetValue(memoryType)!, parse.GetValue(memoryRecords), ct)));

        return new Command("bench", "Benchmarks that print figures.") { import, memory };
    }

    private static async Task<int> ImportAsync(string type, int records, int latencyMs, int sequentialRecords, CancellationToken ct)
    {
        var entry = CoupaIntegration.Imports.ImportCatalog.Default.Get(type);
        var resource = entry.Endpoint["api/".Length..];
        await using var sandbox = await SandboxProcess.StartAsync(["--records", $"{resource}={records}", "--latency-ms", $"{latencyMs}", "--rate-limit", "25"], ct);
        AnsiConsole.MarkupLine($"Sandbox: {records:N0} {resource}, {latencyMs} ms per request, 25 requests/s, at {sandbox.BaseUrl}");

        var baseline = await RunAsync(sandbox, entry, concurrency: 1, idCeiling: sequentialRecords, rateLimited: true, ct);
        var concurrent = await RunAsync(sandbox, entry, concurrency: null, idCeiling: null, rateLimited: true, ct);

        var table = new Table().Border(TableBorder.Rounded).AddColumns("figure", "value");
        table.AddRow("records imported (concurrent)", $"{concurrent.RecordsRead:N0} in {concurrent.Duration.TotalSeconds:0.0} s");
        table.AddRow("records/s (concurrent)", $"{concurrent.RecordsPerSecond:N0}");
        table.AddRow("share of Coupa's ceiling (1,250 records/s)", $"{concurrent.RecordsPerSecond / CoupaCeilingRecordsPerSecond:P1}");
        table.AddRow($"records/s (sequential, {baseline.RecordsRead:N0} records)", $"{baseline.RecordsPerSecond:N0}");
        table.AddRow("speed-up over sequential", $"{concurrent.RecordsPerSecond / Math.Max(baseline.RecordsPerSecond, 0.001):0.0}×");
        table.AddRow("peak resident memory (importer)", ProcessMemory.Megabytes(ProcessMemory.PeakResidentBytes()));
        AnsiConsole.Write(table);
        return concurrent.Status == ImportRunStatus.Completed && baseline.Status == ImportRunStatus.Completed ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<int> MemoryAsync(string type, int records, CancellationToken ct)
    {
        var entry = CoupaIntegration.Imports.ImportCatalog.Default.Get(type);
        var resource = entry.Endpoint["api/".Length..];
        await using var sandbox = await SandboxProcess.StartAsync(["--records", $"{resource}={records}", "--latency-ms", "0", "--rate-limit", "0"], ct);
        AnsiConsole.MarkupLine($"Sandbox: {records:N0} {resource}, no latency, no rate limit, at {sandbox.BaseUrl}");
        var samples = new SortedDictionary<int, long>();
        var summary = await RunAsync(sandbox, entry, concurrency: null, idCeiling: null, rateLimited: false, ct, p =>
        {
            var quarter = (int)(p.FractionDone * 4);
            if (quarter > 0) samples.TryAdd(quarter * 25, ProcessMemory.ResidentBytes());
        });
        var table = new Table().Border(TableBorder.Rounded).AddColumns("figure", "value");
        table.AddRow("records imported", $"{summary.RecordsRead:N0} in {summary.Duration.TotalSeconds:0.0} s ({summary.RecordsPerSecond:N0}/s)");
        foreach (var (percent, bytes) in samples) table.AddRow($"resident memory at {percent}%", ProcessMemory.Megabytes(bytes));
        table.AddRow("peak resident memory (importer)", ProcessMemory.Megabytes(ProcessMemory.PeakResidentBytes()));
        AnsiConsole.Write(table);
        return summary.Status == ImportRunStatus.Completed ? ExitCodes.Success : ExitCodes.Failed;
    }

    private static async Task<ImportSummary> RunAsync(SandboxProcess sandbox, ImportCatalogEntry entry, int? concurrency, int? idCeiling, bool rateLimited,
        CancellationToken ct, Action<ImportProgress>? onProgress = null)
    {
        var overrides = new Dictionary<string, string?>();
        if (concurrency is { } c) overrides["Import:PageConcurrency"] = $"{c}";
        if (!rateLimited) overrides["Coupa:RequestsPerSecond"] = "1000";
        await using var services = CliServices.Build(verbose: false, overrides);
        var jobs = services.GetRequiredService<ImportJobs>();
        var query = entry.DefaultQuery();
        if (idCeiling is { } ceiling) query = query with { Filters = new Dictionary<string, string>(query.Filters) { ["id[lt_or_eq]"] = $"{ceiling}" } };
        var settings = ImportSettingsParser.Empty with
        {
            Credentials = new CredentialsSettings("sandbox-client", sandbox.BaseUrl.ToString(), null),
            ImportConfig = ImportSettingsParser.Empty.ImportConfig with { Query = query, DatasetName = $"bench_{entry.Type}" },
        };
        var plan = jobs.Plan(entry.Type, settings, new Secret("sandbox-secret"));
        var hub = DataHubFactory.Open($"sqlite:{Path.Combine(Path.GetTempPath(), $"coupa-bench-{Guid.NewGuid():N}.db")}", fresh: true);
        var label = concurrency == 1 ? $"sequential {entry.Type}" : $"concurrent {entry.Type}";
        return await ImportProgressView.RunAsync(label, progress => jobs.RunAsync(plan, hub, new Tee(progress, onProgress), ct));
    }

    private sealed class Tee(IProgress<ImportProgress> first, Action<ImportProgress>? second) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            first.Report(value);
            second?.Invoke(value);
        }
    }

    private static async Task<int> Guard(Func<Task<int>> run)
    {
        try { return await run(); }
        catch (IntegrationException e) { return ExitCodes.Fail(e); }
    }
}
