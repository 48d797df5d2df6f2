using System.Text.Json.Nodes;
using CoupaIntegration.Rossum.Setup;
using Spectre.Console;

namespace CoupaCli.Console;

/// <summary>A progress bar over a run's status link: share done and records so far, from each 200's progress JSON.</summary>
internal static class RunProgressView
{
    public static async Task<RunStatusReport> FollowAsync(string label, Func<IProgress<JsonObject>, Task<RunStatusReport>> follow)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
            return await follow(new SynchronousProgress<JsonObject>(_ => { }));

        RunStatusReport? report = null;
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: 100);
                report = await follow(new SynchronousProgress<JsonObject>(status =>
                {
                    if (status["progress"] is not JsonObject progress) return;
                    task.Value = progress["percent_done"]?.GetValue<double>() ?? task.Value;
                    task.Description = Markup.Escape($"{label}: {progress["records"]} records");
                }));
                task.Value = 100;
                task.StopTask();
            });
        return report!;
    }
}
