namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>Removes a child of a multivalue (a table row or a simple multivalue's item).</summary>
public sealed record RemoveOperation(long Id) : HookOperation(Id);
