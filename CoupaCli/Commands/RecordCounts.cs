using System.CommandLine;
using CoupaIntegration.Common;

namespace CoupaCli.Commands;

/// <summary><c>--records suppliers=100000 --records lookup_values=1000000</c>: sandbox sizes per resource.</summary>
internal static class RecordCounts
{
    public static Option<string[]> Option() => new("--records")
    {
        Description = "Sandbox records per resource as resource=count, repeatable (e.g. --records suppliers=100000).",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    public static Dictionary<string, int> Parse(IEnumerable<string> pairs)
    {
        var counts = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in pairs.SelectMany(p => p.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || !int.TryParse(parts[1].Replace("_", ""), out var count) || count < 0)
                throw new IntegrationException(FailureKind.BadRequest, $"--records takes resource=count, e.g. suppliers=100000 (got '{pair}').");
            counts[parts[0].Trim().Replace('-', '_')] = count;
        }
        return counts;
    }
}
