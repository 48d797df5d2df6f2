using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>
/// The Bicep CLI that restore fetched (PackageDownload of Azure.Bicep.CommandLine.linux-x64 in the test project), so
/// a clean clone validates infra/ with nothing installed by hand.
/// </summary>
public static partial class BicepCli
{
    public const string Package = "azure.bicep.commandline.linux-x64";
    public const string Version = "0.49.2";

    public static string MainTemplate => Path.Combine(SharedFolder.RepositoryRoot, "infra", "main.bicep");

    /// <summary>The executable, or a skip where it cannot run (the package holds the Linux x64 build only).</summary>
    public static string Require()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
            Assert.Skip($"The restored Bicep CLI is the Linux x64 build; this machine is {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}.");
        var candidates = PackageRoots().Select(root => Path.Combine(root, Package, Version, "tools", "bicep")).ToList();
        var path = candidates.FirstOrDefault(File.Exists)
                   ?? throw new InvalidOperationException($"Bicep CLI not found (restore should have fetched it) at: {string.Join(", ", candidates)}");
        // NuGet may extract without the execute bit.
        if (OperatingSystem.IsLinux() && File.GetUnixFileMode(path) is var mode && !mode.HasFlag(UnixFileMode.UserExecute))
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
        return path;
    }

    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Require())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = SharedFolder.RepositoryRoot,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The CLI is a .NET app: without ICU on the machine it needs invariant globalization.
        start.Environment["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1";
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new BicepRun(process.ExitCode, await output, await error);
    }

    /// <summary>Where restore put packages: the build's NuGetPackageRoot, then NUGET_PACKAGES, then ~/.nuget/packages.</summary>
    private static IEnumerable<string> PackageRoots()
    {
        var fromBuild = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value;
        if (!string.IsNullOrEmpty(fromBuild)) yield return fromBuild;
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } fromEnvironment) yield return fromEnvironment;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    [GeneratedRegex(@"^.*: (Error|Warning|Info) .*$", RegexOptions.Multiline)]
    internal static partial Regex Diagnostic();
}

/// <summary>One run of the CLI; <see cref="Diagnostics"/> holds every error, warning or info line it printed.</summary>
public sealed record BicepRun(int ExitCode, string Output, string Error)
{
    public IReadOnlyList<string> Diagnostics =>
        BicepCli.Diagnostic().Matches(Output + "\n" + Error).Select(m => m.Value.Trim()).ToList();

    public string Describe() => $"exit code {ExitCode}\n{string.Join('\n', Diagnostics)}\n{(Diagnostics.Count == 0 ? Error : "")}";
}
