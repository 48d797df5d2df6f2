using System.Globalization;
using System.Text.Json.Nodes;
using CoupaIntegration.Rossum.Setup;
using Spectre.Console;

namespace CoupaCli.Console;

/// <summary>
/// What `coupa rossum invoke` prints: Rossum's answer, then the run followed to its end and its counts; or, when
/// Rossum did not run the hook, the reason, the hook's latest log rows and where to read the rest.
/// </summary>
internal static class InvocationView
{
    public static async Task<int> WriteAsync(HookInvoker invoker, HookInvocation invocation, bool noWait, CancellationToken cancellationToken)
    {
        var hook = invocation.Hook;
        System.Console.WriteLine($"Invoked hook {hook.Id} '{hook.Name}': Rossum answered {invocation.Status}.");
        if (invocation.Refused) return WriteRefusal(invocation);

        var body = invocation.Body;
        foreach (var message in Messages(body)) System.Console.WriteLine(message);
        if (invocation.StatusUrl is null)
            return body?["result"] is JsonObject ? WriteReport(new RunStatusReport(true, body)) : ExitCodes.Success;
        if (noWait)
        {
            System.Console.WriteLine($"Not waiting; the run's status: {invocation.StatusUrl}");
            return ExitCodes.Success;
        }
        try
        {
            var label = $"{(string?)body?["dataset"] ?? "import"} (run {(string?)body?["run_id"]})";
            return WriteReport(await RunProgressView.FollowAsync(label, progress => invoker.FollowAsync(invocation.StatusUrl, progress, cancellationToken)));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            System.Console.Error.WriteLine($"coupa: stopped following; the run goes on. Its status: {invocation.StatusUrl}");
            return ExitCodes.Incomplete;
        }
    }

    private static int WriteRefusal(HookInvocation invocation)
    {
        System.Console.Error.WriteLine($"coupa: Rossum did not run hook {invocation.Hook.Id} (HTTP {invocation.Status}): {invocation.Reason}");
        if (invocation.Logs.Count > 0)
        {
            System.Console.WriteLine($"Latest calls of hook {invocation.Hook.Id} in Rossum's log:");
            foreach (var log in invocation.Logs)
                System.Console.WriteLine($"  {log.Timestamp}  {log.LogLevel,-5} {log.Status,-9} {(log.StatusCode?.ToString() ?? ""),-4} {log.Message}");
        }
        System.Console.WriteLine($"Rossum's extension logs: {invocation.ExtensionLogsPage} (API: GET {invocation.HookLogsApi}).");
        return ExitCodes.Failed;
    }

    private static int WriteReport(RunStatusReport report)
    {
        var json = report.Json;
        var dataset = (string?)json["dataset"] ?? "";
        if (!report.Completed)
        {
            var status = (string?)json["status"] ?? "failed";
            System.Console.Error.WriteLine($"coupa: the import into dataset {dataset} {(status == "incomplete" ? "stopped short" : "failed")}: {(string?)json["error"] ?? "no reason given"}");
            System.Console.WriteLine("The failure is the function's, not Rossum's: the function app's logs (Application Insights, or `coupa serve --verbose`) have the run id " +
                $"{(string?)json["run_id"]}. Call the hook again to resume: the run goes on where its data was written.");
            return status == "incomplete" ? ExitCodes.Incomplete : ExitCodes.Failed;
        }
        var result = json["result"] as JsonObject ?? new JsonObject();
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"Import into {dataset}"));
        foreach (var column in new[] { "dataset", "status", "read", "inserted", "updated", "unchanged", "pages", "seconds" })
            table.AddColumn(new TableColumn(column) { Alignment = column is "dataset" or "status" ? Justify.Left : Justify.Right });
        table.AddRow(Markup.Escape(dataset), "completed", Count(result, "records_read"), Count(result, "inserted"), Count(result, "updated"),
            Count(result, "unchanged"), Count(result, "pages"), Markup.Escape(result["duration_s"]?.ToString() ?? ""));
        AnsiConsole.Write(table);
        return ExitCodes.Success;
    }

    private static string Count(JsonObject result, string key) =>
        result[key] is JsonValue v && v.TryGetValue<long>(out var n) ? n.ToString("N0", CultureInfo.InvariantCulture) : "";

    private static IEnumerable<string> Messages(JsonObject? body) =>
        (body?["messages"] as JsonArray ?? []).OfType<JsonObject>().Select(m => $"{(string?)m["type"]}: {(string?)m["content"]}");
}
