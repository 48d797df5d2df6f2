using CoupaIntegration.Common;
using CoupaIntegration.Imports;

namespace CoupaCli.Console;

/// <summary>0 success; 1 failure; 2 bad input or configuration; 3 stopped early (resumable).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
    public const int Incomplete = 3;

    public static int For(ImportRunStatus status) => status switch
    {
        ImportRunStatus.Completed => Success,
        ImportRunStatus.TimedOut or ImportRunStatus.Cancelled => Incomplete,
        _ => Failed,
    };

    public static int For(IntegrationException e) => e.Kind is FailureKind.BadRequest or FailureKind.Configuration ? BadInput : Failed;

    /// <summary>One line on stderr, the reason only: no stack trace, no secret (core messages carry none).</summary>
    public static int Fail(IntegrationException e)
    {
        System.Console.Error.WriteLine($"coupa: {e.Message}");
        return For(e);
    }
}
