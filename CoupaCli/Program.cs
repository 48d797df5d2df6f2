using System.CommandLine;
using CoupaCli.Commands;

// `coupa`: the local face of the product. Each command is a file under Commands/.
var root = new RootCommand("CoupaFunctions: Coupa ⇄ Rossum integration, run locally.")
{
    SandboxCommand.Create(),
    ImportCommand.Create(),
    DemoCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
