using System.CommandLine;
using CoupaCli.Commands;
using Spectre.Console;

// `coupa`: the local face of the product. Each command is a file under Commands/.
// Piped output (CI logs, files) gets tables wide enough to read instead of Spectre's 80-column default.
if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = 132;

var root = new RootCommand("CoupaFunctions: Coupa ⇄ Rossum integration, run locally.")
{
    SandboxCommand.Create(),
    ImportCommand.Create(),
    DemoCommand.Create(),
    BenchCommand.Create(),
    ServeCommand.Create(),
    ExportCommand.Create(),
    DoctorCommand.Create(),
    RossumCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
