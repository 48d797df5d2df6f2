using CoupaIntegration.Imports;
using Spectre.Console;

namespace CoupaCli.Console;

/// <summary>Live progress bars for imports: share of the id range read, records and records/s.</summary>
internal static class ImportProgressView
{
    public static async Task<ImportSummary> RunAsync(string label, Func<IProgress<ImportProgress>, Task<ImportSummary>> run)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return await run(new Progress<ImportProgress>(_ => { }));

        ImportSummary? summary = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 1);
                var reporter = new SynchronousProgress(p =>
                {
                    task.Value = p.FractionDone;
                    task.Description = Markup.Escape($"{label}: {p.Records:N0} records, {p.RecordsPerSecond:N0}/s");
                });
                summary = await run(reporter);
                task.Value = 1;
                task.Description = Markup.Escape($"{label}: {summary.RecordsRead:N0} records, {summary.Status.ToString().ToLowerInvariant()}");
                task.StopTask();
            });
        return summary!;
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool out of order; the bar wants the latest value, in order.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
