using System.Text.Json;
using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>
/// The attributes every Rossum hook call carries (Rossum API, "Hooks common attributes"). Subtypes add what
/// their event brings; <see cref="Event"/> and <see cref="Action"/> are the wire values they were chosen by.
/// Secrets and the token are wrapped so that logging or printing a payload never shows them.
/// </summary>
public abstract record HookPayload
{
    /// <summary>UUID of this call; Rossum's hook log is searchable by it.</summary>
    public string? RequestId { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>URL of the hook object, e.g. <c>https://org.rossum.app/api/v1/hooks/789</c>.</summary>
    public Uri? Hook { get; init; }

    /// <summary>Wire value of <c>event</c>, e.g. <c>invocation</c> or <c>annotation_content</c>.</summary>
    public required string Event { get; init; }

    /// <summary>Wire value of <c>action</c>, e.g. <c>scheduled</c>, <c>manual</c>, <c>export</c>.</summary>
    public required string Action { get; init; }

    /// <summary>A copy of <c>hook.settings</c>, kept as JSON: each handler parses its own shape (an empty object when absent).</summary>
    public required JsonElement Settings { get; init; }

    /// <summary><c>hook.secrets</c> merged into the payload; values never leave a <see cref="Secret"/> unless revealed.</summary>
    public required IReadOnlyDictionary<string, Secret> Secrets { get; init; }

    /// <summary>The organisation's environment, e.g. <c>https://org.rossum.app</c>.</summary>
    public required Uri BaseUrl { get; init; }

    /// <summary>API key of the hook's token owner; absent when the hook has no token owner (inferred from the API docs).</summary>
    public Secret? RossumAuthorizationToken { get; init; }

    /// <summary>The event as Rossum names it in a hook's <c>events</c> list, e.g. <c>invocation.manual</c>.</summary>
    public string Name => $"{Event}.{Action}";

    public Secret? GetSecret(string name) => Secrets.TryGetValue(name, out var secret) ? secret : null;
}
