using System.Collections.Concurrent;

namespace RossumFake.DataStorage;

/// <summary>
/// Runs accepted operations in the background after <see cref="RossumFakeOptions.OperationDelay"/>: CREATED, then
/// RUNNING, then FINISHED, or FAILED with the error's message. Clients must poll, as with the real service.
/// </summary>
public sealed class FakeOperations(RossumFakeOptions options)
{
    private readonly ConcurrentDictionary<string, FakeOperation> _operations = new(StringComparer.Ordinal);

    public FakeOperation Start(string organisation, string operation, Action apply)
    {
        var entry = new FakeOperation(ObjectIds.Next(), organisation, operation);
        _operations[entry.Id] = entry;
        _ = Task.Run(async () =>
        {
            await Task.Delay(options.OperationDelay / 2);
            Set(entry, "RUNNING");
            await Task.Delay(options.OperationDelay / 2);
            try
            {
                apply();
                Set(entry, "FINISHED");
            }
            catch (FakeApiException e)
            {
                entry.ErrorMessage = e.Message;
                Set(entry, "FAILED");
            }
        });
        return entry;
    }

    public FakeOperation? Find(string id, string organisation) =>
        _operations.TryGetValue(id, out var entry) && entry.Organisation == organisation ? entry : null;

    private static void Set(FakeOperation entry, string status)
    {
        entry.LastUpdated = DateTimeOffset.UtcNow;
        entry.Status = status;
    }
}
