using System.CommandLine;
using CoupaCli.Rossum;

namespace CoupaCli.Commands;

/// <summary><c>coupa rossum install|invoke</c>: our hooks in a Rossum organisation, set up and tried from the command line.</summary>
internal static class RossumCommand
{
    public static Command Create() => new("rossum", "Install our hooks in a Rossum organisation, and invoke one to try it.")
    {
        InstallCommand.Create(),
        InvokeCommand.Create(),
    };
}
