using CoupaIntegration.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoupaCli;

/// <summary>
/// The core's services for one CLI invocation. Without --verbose the CLI prints outcomes itself (tables, one-line
/// reasons) and logs nothing; with it, structured logs go to stderr so progress bars keep stdout.
/// </summary>
internal static class CliServices
{
    public static ServiceProvider Build(bool verbose, IDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("COUPAFUNCTIONS_")
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        return CoupaServices.Build(configuration, logging => logging
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; })
            .AddFilter((category, level) => verbose && level >= LogLevel.Information && !category!.StartsWith("System.Net.Http", StringComparison.Ordinal))
            .Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
    }
}
