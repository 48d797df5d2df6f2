using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupaCli.Serve;

/// <summary>A server's logs: one line each on stderr (stdout keeps the banner), our categories at Information.</summary>
internal static class ServeLogging
{
    public static void Configure(ILoggingBuilder logging, bool verbose) => logging
        .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
        .AddFilter((category, level) => level >= (verbose ? LogLevel.Debug : LogLevel.Information)
            && !(category ?? "").StartsWith("System.Net.Http", StringComparison.Ordinal)
            // Framework chatter (Kestrel, Polly's per-attempt lines) only when it matters.
            && (!IsFramework(category ?? "") || level >= LogLevel.Warning))
        .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

    private static bool IsFramework(string category) =>
        category.StartsWith("Microsoft.", StringComparison.Ordinal) || category.StartsWith("Polly", StringComparison.Ordinal);
}
