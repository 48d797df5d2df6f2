using System.Diagnostics;
using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Cli;

/// <summary>`coupa export` as a person runs it: a real process with a payload file built from a CIB queue schema.</summary>
public sealed class ExportCommandTests
{
    private static async Task<(int ExitCode, string Output, string Error)> CoupaAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "coupa.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static async Task<string> PayloadFileAsync(JsonObject payload)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("coupa-export-").FullName, "annotation.json");
        await File.WriteAllTextAsync(file, payload.ToJsonString(), TestContext.Current.CancellationToken);
        return file;
    }

    [Fact]
    public async Task ExportDryRun_PrintsTheRenderedCoupaJson()
    {
        var payloads = AnnotationPayloads.FromSchema(AnnotationPayloads.LineLevel);
        var file = await PayloadFileAsync(payloads.Build(AnnotationPayloads.InvoiceValues("INV-DRY-1"), AnnotationPayloads.Lines(), clientSecret: "dry-secret-42"));

        var run = await CoupaAsync("export", "--payload", file, "--dry-run");

        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Equal("INV-DRY-1", (string?)json["invoice-number"]);
        Assert.Equal(2, json["invoice-lines"]!.AsArray().Count);
        Assert.DoesNotContain("dry-secret-42", run.Output + run.Error);
    }

    [Fact]
    public async Task ExportDryRun_WithABadTemplate_ExitsTwoNamingTheLine()
    {
        var payloads = AnnotationPayloads.FromSchema(AnnotationPayloads.LineLevel);
        var settings = new JsonObject { ["export_template"] = new JsonArray("{", "  \"a\": {{ field.missing }},", "  \"b\": 1", "}") };
        var file = await PayloadFileAsync(payloads.Build(AnnotationPayloads.InvoiceValues(), null, settings: settings));

        var run = await CoupaAsync("export", "--payload", file, "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("template line 2", run.Error);
    }

    [Fact]
    public async Task Export_WithoutACoupaUrl_RunsAgainstALocalSandbox()
    {
        var payloads = AnnotationPayloads.FromSchema(AnnotationPayloads.LineLevel);
        // The schema's own references are unknown to a fresh sandbox: the export must fail with Coupa's readable error.
        var file = await PayloadFileAsync(payloads.Build(AnnotationPayloads.InvoiceValues(supplierId: "999999"), AnnotationPayloads.Lines()));

        var run = await CoupaAsync("export", "--payload", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("local Coupa sandbox", run.Output);
        Assert.Contains("error: Export to Coupa failed", run.Output);
        Assert.Contains("Supplier", run.Output);
    }
}
