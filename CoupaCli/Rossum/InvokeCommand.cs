using System.CommandLine;
using CoupaCli.Console;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.Setup;
using Microsoft.Extensions.DependencyInjection;

namespace CoupaCli.Rossum;

/// <summary>
/// <c>coupa rossum invoke &lt;hook id | import type&gt;</c>: the first test of an installed import. Rossum calls the
/// hook as a person would from its UI, and the run is followed to its end with a progress bar.
/// </summary>
internal static class InvokeCommand
{
    public static Command Create()
    {
        var rossum = new RossumConnectionOptions();
        var hook = new Argument<string>("hook") { Description = "A hook id, or an import type (e.g. suppliers) whose hook of ours to invoke." };
        var noWait = new Option<bool>("--no-wait") { Description = "Print Rossum's answer and leave the run to itself." };
        var verbose = new Option<bool>("--verbose") { Description = "Structured logs on stderr." };
        var command = new Command("invoke", "Invoke one of our hooks in Rossum and follow the import it starts.") { hook };
        rossum.AddTo(command);
        command.Options.Add(noWait);
        command.Options.Add(verbose);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var url = rossum.UrlFrom(parse);
                var token = rossum.TokenFrom(parse);
                await using var services = CliServices.Build(parse.GetValue(verbose));
                var invoker = services.GetRequiredService<HookInvoker>();
                var invocation = await invoker.InvokeAsync(url, token, parse.GetValue(hook)!, cancellationToken);
                return await InvocationView.WriteAsync(invoker, invocation, parse.GetValue(noWait), cancellationToken);
            }
            catch (IntegrationException e)
            {
                return ExitCodes.Fail(e);
            }
        });
        return command;
    }
}
