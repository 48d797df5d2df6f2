using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoupaFunctions.Durable;

/// <summary>Makes the launcher around each invocation's <c>[DurableClient]</c> (the client is an input binding, not a service).</summary>
public sealed class DurableLaunchers(IOptions<DurableOptions> options)
{
    public DurableImportRunLauncher Create(DurableTaskClient client) => new(client, options.Value);
}
