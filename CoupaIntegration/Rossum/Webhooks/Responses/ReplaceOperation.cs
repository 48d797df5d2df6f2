namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>Changes a datapoint (never a section, multivalue or tuple).</summary>
public sealed record ReplaceOperation(long Id, DatapointUpdate Value) : HookOperation(Id);
