using CoupaIntegration.Common;
using CoupaIntegration.Rossum.DataStorage;

namespace CoupaFunctions.Tests.Rossum.DataStorage;

/// <summary>Stands in for a later Key Vault credential: hands out a first token, and a replacement once it is rejected.</summary>
internal sealed class ReplacingTokenSource(string first, string? replacement) : IRossumTokenSource
{
    private Secret _current = new(first);

    public List<string> Rejected { get; } = [];

    public ValueTask<Secret> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_current);

    public ValueTask<Secret?> OnRejectedAsync(Secret rejected, CancellationToken cancellationToken)
    {
        Rejected.Add(rejected.Reveal());
        if (replacement is null) return ValueTask.FromResult<Secret?>(null);
        _current = new Secret(replacement);
        return ValueTask.FromResult<Secret?>(_current);
    }
}
