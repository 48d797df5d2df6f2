using System.Text.Json;

namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>
/// An <c>invocation.scheduled</c> or <c>invocation.manual</c> call. A manual invoke's body properties arrive
/// merged in as top-level keys; they are kept in <see cref="Extra"/> (also any key a later Rossum version adds).
/// </summary>
public sealed record InvocationPayload : HookPayload
{
    public required InvocationAction Invocation { get; init; }

    /// <summary>Top-level keys that are not common hook attributes, e.g. <c>{"SAP_ID":"1234"}</c> from an invoke body.</summary>
    public required IReadOnlyDictionary<string, JsonElement> Extra { get; init; }
}
