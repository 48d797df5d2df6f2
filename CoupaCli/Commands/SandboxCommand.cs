using System.CommandLine;
using CoupaCli.Console;
using CoupaIntegration.Common;
using CoupaSandbox;

namespace CoupaCli.Commands;

/// <summary><c>coupa sandbox</c>: a local Coupa instance until Ctrl-C.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => 0 };
        var records = RecordCounts.Option();
        var latency = new Option<int>("--latency-ms") { Description = "Added latency per API request.", DefaultValueFactory = _ => 0 };
        var rateLimit = new Option<double>("--rate-limit") { Description = "Requests per second before 429 (0 turns the limit off).", DefaultValueFactory = _ => 25 };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated data.", DefaultValueFactory = _ => 42 };
        var command = new Command("sandbox", "Run a local Coupa Core API sandbox.") { port, records, latency, rateLimit, seed };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var options = new SandboxOptions
                {
                    Port = parse.GetValue(port),
                    Seed = parse.GetValue(seed),
                    Records = RecordCounts.Parse(parse.GetValue(records)!),
                    RateLimitPerSecond = parse.GetValue(rateLimit),
                    Faults = { LatencyMs = parse.GetValue(latency) },
                };
                await using var sandbox = await SandboxServer.StartAsync(options, cancellationToken);
                // The first line is machine-read by `coupa bench`: keep its shape.
                System.Console.WriteLine($"Coupa sandbox listening on {sandbox.BaseUrl}");
                System.Console.WriteLine($"OAuth client: {sandbox.Options.Clients[0].ClientId} (secret: see README, 'Sandbox credentials'); Ctrl-C stops.");
                await sandbox.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (IntegrationException e)
            {
                return ExitCodes.Fail(e);
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
