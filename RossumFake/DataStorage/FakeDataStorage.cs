using System.Collections.Concurrent;

namespace RossumFake.DataStorage;

/// <summary>Data Storage for every organisation: each token sees only its own organisation's collections.</summary>
public sealed class FakeDataStorage(RossumFakeOptions options)
{
    private readonly ConcurrentDictionary<string, FakeDatabase> _databases = new(StringComparer.Ordinal);

    public FakeOperations Operations { get; } = new(options);

    public FakeDatabase For(string organisation = FakeOrganisations.Default) => _databases.GetOrAdd(organisation, _ => new FakeDatabase());
}
