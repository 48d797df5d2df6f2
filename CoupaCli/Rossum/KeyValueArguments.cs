using CoupaIntegration.Common;

namespace CoupaCli.Rossum;

/// <summary>Repeatable <c>type=value</c> options (<c>--dataset suppliers=suppliers_prod</c>) and comma lists (<c>--types a,b</c>).</summary>
internal static class KeyValueArguments
{
    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string>? values, string option)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values ?? [])
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == value.Length - 1)
                throw new IntegrationException(FailureKind.BadRequest, $"{option} takes TYPE=VALUE (got '{value}').");
            pairs[value[..at].Trim()] = value[(at + 1)..].Trim();
        }
        return pairs;
    }

    public static IReadOnlyList<string> List(IEnumerable<string>? values) =>
        (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
