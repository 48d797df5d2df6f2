namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>Stops automation of an annotation (accepted on <c>annotation_content.initialize</c>); null id: the whole document.</summary>
public sealed record AutomationBlocker(long? Id, string Content);
