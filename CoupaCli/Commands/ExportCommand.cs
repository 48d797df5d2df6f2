using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaCli.Console;
using CoupaCli.Exports;
using CoupaCli.Serve;
using CoupaIntegration.Common;
using CoupaIntegration.Exports;
using CoupaIntegration.Rossum.Webhooks;
using CoupaIntegration.Webhooks;

namespace CoupaCli.Commands;

/// <summary>
/// <c>coupa export --payload annotation.json [--dry-run]</c>: renders the mapping (dry run) or runs the export; without
/// <c>--coupa-url</c> against a local sandbox and Rossum fake, so a payload saved from a hook log can be tried safely.
/// </summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var payload = new Option<string>("--payload") { Description = "An annotation_content.export payload (JSON file), e.g. from Rossum's hook log.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only render the mapping and print the Coupa invoice JSON." };
        var coupaUrl = new Option<string?>("--coupa-url") { Description = "Export to this Coupa instance (with the payload's credentials) instead of a local sandbox." };
        var verbose = new Option<bool>("--verbose") { Description = "Structured logs on stderr." };
        var command = new Command("export", "Export an annotation into Coupa (a local sandbox unless --coupa-url), or show the mapped JSON.") { payload, dryRun, coupaUrl, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var json = JsonNode.Parse(await File.ReadAllTextAsync(parse.GetValue(payload)!, cancellationToken))!.AsObject();
                if (parse.GetValue(dryRun)) return await DryRunAsync(json);
                return await RunAsync(json, parse.GetValue(coupaUrl), parse.GetValue(verbose), cancellationToken);
            }
            catch (IntegrationException e)
            {
                return ExitCodes.Fail(e);
            }
            catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or InvalidOperationException)
            {
                System.Console.Error.WriteLine($"coupa: cannot read the payload: {e.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static async Task<int> DryRunAsync(JsonObject json)
    {
        var annotation = HookPayloadParser.ParseAnnotation(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        var invoice = await ExportWebhookHandler.RenderAsync(annotation, ExportSettingsParser.Parse(annotation.Settings));
        System.Console.WriteLine(invoice.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return ExitCodes.Success;
    }

    private static async Task<int> RunAsync(JsonObject json, string? coupaUrl, bool verbose, CancellationToken cancellationToken)
    {
        await using var fakes = await LocalFakes.StartAsync(sandbox: coupaUrl is null, rossum: coupaUrl is null, cancellationToken);
        if (fakes.Sandbox is { } sandbox && fakes.Rossum is { } rossum)
        {
            LocalExport.PointAtFakes(json, sandbox, rossum, fakes.RossumToken!);
            System.Console.WriteLine($"Exporting into the local Coupa sandbox on {sandbox.BaseUrl}");
        }
        else if (coupaUrl is not null && json["settings"] is JsonObject settings)
        {
            var credentials = settings["credentials"] as JsonObject ?? new JsonObject();
            credentials["base_api_url"] = coupaUrl;
            settings["credentials"] = credentials;
        }
        await using var services = CliServices.Build(verbose);
        var response = await LocalExport.RunAsync(services, json, cancellationToken);
        foreach (var message in response["messages"]?.AsArray() ?? [])
            System.Console.WriteLine($"{(string?)message!["type"]}: {(string?)message["content"]}");
        return response["messages"]!.AsArray().Any(m => (string?)m!["type"] == "error") ? ExitCodes.Failed : ExitCodes.Success;
    }
}
