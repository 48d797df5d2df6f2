using System.Text.Json.Nodes;
using CoupaIntegration.Imports;

namespace CoupaIntegration.Webhooks;

/// <summary>The run-status JSON Rossum polls: snake_case, progress while running, the summary when done.</summary>
public static class RunReportJson
{
    public static JsonObject From(ImportRunReport report)
    {
        var json = new JsonObject
        {
            ["run_id"] = report.RunId,
            ["dataset"] = report.Dataset,
            ["status"] = report.Phase.ToString().ToLowerInvariant(),
            ["created_at"] = report.CreatedAt.ToString("O"),
            ["updated_at"] = report.LastUpdatedAt?.ToString("O"),
        };
        if (report.Progress is { } p)
            json["progress"] = new JsonObject
            {
                ["pages"] = p.Pages,
                ["records"] = p.Records,
                ["records_per_second"] = Math.Round(p.RecordsPerSecond, 1),
                ["percent_done"] = Math.Round(p.FractionDone * 100, 1),
                ["elapsed_s"] = Math.Round(p.Elapsed.TotalSeconds, 1),
            };
        if (report.Summary is { } s)
            json["result"] = Summary(s);
        if (report.Error is { } error)
            json["error"] = error;
        json["messages"] = new JsonArray(Message(report));
        return json;
    }

    public static JsonObject Summary(ImportSummary s) => new()
    {
        ["records_read"] = s.RecordsRead,
        ["inserted"] = s.Inserted,
        ["updated"] = s.Updated,
        ["unchanged"] = s.Unchanged,
        ["pages"] = s.Pages,
        ["duration_s"] = Math.Round(s.Duration.TotalSeconds, 1),
        ["checkpoint"] = s.Checkpoint?.ToString("O"),
        ["resumed"] = s.Resumed,
        ["import_run_id"] = s.RunId,
    };

    private static JsonObject Message(ImportRunReport report) => report.Phase switch
    {
        ImportRunPhase.Completed => new() { ["type"] = "info", ["content"] = $"Imported {report.Summary!.RecordsRead:N0} Coupa records into dataset {report.Dataset} ({report.Summary.Inserted:N0} new, {report.Summary.Updated:N0} updated)." },
        ImportRunPhase.Failed or ImportRunPhase.Incomplete => new() { ["type"] = "error", ["content"] = $"Import into dataset {report.Dataset} did not complete: {report.Error}" },
        _ => new() { ["type"] = "info", ["content"] = $"Import into dataset {report.Dataset} is {report.Phase.ToString().ToLowerInvariant()}." },
    };
}
