using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.Setup;

public enum HookPlanAction
{
    Create,
    Update,
    Unchanged,
    /// <summary>One of ours that this install does not want (a type not chosen, a duplicate): left as it is.</summary>
    Keep,
}

/// <summary>One field that differs, as a person may read it (function keys masked, secrets never shown).</summary>
public sealed record FieldChange(string Path, string Before, string After);

/// <summary>
/// What the install does to one hook. <see cref="Request"/> is the body to send: the whole hook for a create, only
/// the changed top-level fields for an update. It holds secrets and is never shown.
/// </summary>
public sealed record HookPlanItem(
    HookPlanAction Action,
    HookRole Role,
    string Name,
    long? HookId,
    IReadOnlyList<FieldChange> Changes,
    string? Details = null,
    JsonObject? Request = null,
    string? Problem = null);

/// <summary>The whole plan: an item per hook of ours, and notes about hooks that are not ours.</summary>
public sealed record HookInstallPlan(IReadOnlyList<HookPlanItem> Items, IReadOnlyList<string> Notes)
{
    public int Count(HookPlanAction action) => Items.Count(i => i.Action == action);

    public bool HasWrites => Items.Any(i => i.Action is HookPlanAction.Create or HookPlanAction.Update);
}
