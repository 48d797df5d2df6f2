using CoupaIntegration.Imports;
using Spectre.Console;

namespace CoupaCli.Console;

internal static class SummaryTable
{
    public static void Write(string title, IEnumerable<ImportSummary> summaries)
    {
        var table = new Table().Title(Markup.Escape(title)).Border(TableBorder.Rounded);
        foreach (var column in new[] { "type", "dataset", "status", "read", "inserted", "updated", "unchanged", "pages", "seconds", "records/s" })
            table.AddColumn(new TableColumn(column) { Alignment = column is "type" or "dataset" or "status" ? Justify.Left : Justify.Right });
        foreach (var s in summaries)
            table.AddRow(Markup.Escape(s.Type), Markup.Escape(s.Dataset), Markup.Escape(s.Status.ToString().ToLowerInvariant()),
                $"{s.RecordsRead:N0}", $"{s.Inserted:N0}", $"{s.Updated:N0}", $"{s.Unchanged:N0}", $"{s.Pages:N0}",
                $"{s.Duration.TotalSeconds:0.0}", $"{s.RecordsPerSecond:N0}");
        AnsiConsole.Write(table);
    }
}
