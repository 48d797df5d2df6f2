using System.Diagnostics;
using CoupaIntegration.Common;

namespace CoupaCli.Bench;

/// <summary>
/// The sandbox in a child process, so the benchmark's memory figures are the importer's alone.
/// Started as `coupa sandbox`, through the same entry point this process was started with.
/// </summary>
internal sealed class SandboxProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SandboxProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<SandboxProcess> StartAsync(IEnumerable<string> sandboxArgs, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(SandboxProcess).Assembly.Location); // started as `dotnet coupa.dll`
        start.FileName = self;
        start.ArgumentList.Add("sandbox");
        foreach (var arg in sandboxArgs) start.ArgumentList.Add(arg);

        var process = Process.Start(start) ?? throw new IntegrationException(FailureKind.Fatal, "Could not start the sandbox process.");
        const string marker = "Coupa sandbox listening on ";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            if (line.StartsWith(marker, StringComparison.Ordinal))
                return new SandboxProcess(process, new Uri(line[marker.Length..].Trim()));
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        throw new IntegrationException(FailureKind.Fatal, $"The sandbox process exited before listening: {error.Trim()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
