using System.Text.Json;
using System.Text.Json.Serialization;
using CoupaIntegration.Coupa.Diagnostics;
using Spectre.Console;

namespace CoupaCli.Console;

/// <summary>
/// `coupa doctor`'s output: a table of the connection checks, a table of type → scope → status, the scopes to add
/// and the verdict; or the report as JSON (details unwrapped, for scripts). Neither can hold a secret: the report has none.
/// </summary>
internal static class DoctorView
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        // Readable quotes and '>' in the details; the output is a terminal or a file, never HTML.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static void WriteJson(DoctorReport report) => System.Console.WriteLine(JsonSerializer.Serialize(report, Json));

    public static void Write(DoctorReport report)
    {
        var checks = new Table().Title(Markup.Escape($"Coupa doctor: {report.Instance}, client {report.ClientId}")).Border(TableBorder.Rounded);
        foreach (var column in new[] { "check", "status", "detail" })
            checks.AddColumn(column);
        foreach (var check in report.Checks)
            checks.AddRow(Markup.Escape(check.Name), Status(check.Status), Markup.Escape(check.Detail));
        AnsiConsole.Write(checks);

        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "type", "scope", "status", "detail" })
            table.AddColumn(column);
        foreach (var row in report.Scopes)
            table.AddRow(Markup.Escape(row.Type), Markup.Escape(row.Scope), Status(row.Status), Markup.Escape(row.Detail));
        AnsiConsole.Write(table);

        if (report.ScopesToAdd.Count > 0)
            AnsiConsole.MarkupLine($"Scopes to add to the Coupa client: [bold]{Markup.Escape(string.Join(' ', report.ScopesToAdd))}[/]");
        AnsiConsole.MarkupLine(report.Outcome switch
        {
            DoctorOutcome.Ready => "[green]Ready:[/] everything the chosen types need is in place.",
            DoctorOutcome.NeedsFixing => "[red]Needs fixing:[/] see the failed and missing checks above.",
            _ => "[yellow]Incomplete:[/] some checks could not be made now; run again later.",
        });
    }

    /// <summary>The one stderr line of a run that is not ready, as every command prints its reason.</summary>
    public static string Reason(DoctorReport report)
    {
        var failed = report.Checks.FirstOrDefault(c => c.Status is DoctorStatus.Failed or DoctorStatus.Unavailable);
        if (failed is not null) return $"{failed.Name}: {failed.Detail}";
        if (report.ScopesToAdd.Count > 0) return $"scopes to add to the Coupa client: {string.Join(' ', report.ScopesToAdd)}";
        var row = report.Scopes.FirstOrDefault(s => s.Status != DoctorStatus.Ok);
        return row is null ? "not ready" : $"{row.Type} ({row.Scope}): {row.Detail}";
    }

    private static string Status(DoctorStatus status) => status switch
    {
        DoctorStatus.Ok => "[green]ok[/]",
        DoctorStatus.Warning => "[yellow]warning[/]",
        DoctorStatus.Missing => "[red]missing[/]",
        DoctorStatus.Failed => "[red]failed[/]",
        DoctorStatus.Unavailable => "[yellow]unavailable[/]",
        _ => "[grey]not checked[/]",
    };
}
