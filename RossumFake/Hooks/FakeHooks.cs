using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace RossumFake.Hooks;

/// <summary>
/// Hooks, queues, users and hook logs per organisation, in memory. Each organisation has one (admin) user, the
/// user of every token minted for it. Tests seed foreign hooks and queues here and look at what was stored.
/// </summary>
public sealed class FakeHooks
{
    private readonly ConcurrentDictionary<long, FakeHook> _hooks = new();
    private readonly ConcurrentDictionary<long, (string Organisation, string Name)> _queues = new();
    private readonly ConcurrentDictionary<string, long> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeHookLog> _logs = new();
    private long _nextHookId = 500_000;
    private long _nextQueueId = 1_260_000;
    private long _nextUserId = 282_000;

    public long UserId(string organisation = FakeOrganisations.Default) => _users.GetOrAdd(organisation, _ => Interlocked.Increment(ref _nextUserId));

    public long AddQueue(string name, string organisation = FakeOrganisations.Default)
    {
        var id = Interlocked.Increment(ref _nextQueueId);
        _queues[id] = (organisation, name);
        return id;
    }

    public IReadOnlyList<(long Id, string Name)> Queues(string organisation = FakeOrganisations.Default) =>
        _queues.Where(q => q.Value.Organisation == organisation).OrderBy(q => q.Key).Select(q => (q.Key, q.Value.Name)).ToList();

    public bool QueueExists(long id, string organisation) => _queues.TryGetValue(id, out var q) && q.Organisation == organisation;

    /// <summary>Stores a hook as given (validated by the caller); also how tests seed hooks that are not ours.</summary>
    public FakeHook Add(JsonObject fields, JsonObject? secrets = null, string organisation = FakeOrganisations.Default)
    {
        var hook = new FakeHook(Interlocked.Increment(ref _nextHookId), organisation, fields, secrets);
        _hooks[hook.Id] = hook;
        return hook;
    }

    public FakeHook? Find(long id, string organisation) => _hooks.TryGetValue(id, out var hook) && hook.Organisation == organisation ? hook : null;

    public IReadOnlyList<FakeHook> All(string organisation = FakeOrganisations.Default) =>
        _hooks.Values.Where(h => h.Organisation == organisation).OrderBy(h => h.Id).ToList();

    public void Log(FakeHookLog log) => _logs.Enqueue(log);

    /// <summary>Newest first, as Rossum lists them.</summary>
    public IReadOnlyList<FakeHookLog> Logs(string organisation, long? hookId = null) =>
        _logs.Where(l => l.Organisation == organisation && (hookId is null || l.HookId == hookId)).Reverse().ToList();
}
