namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>A datapoint an <c>add</c> operation creates, identified by its schema id.</summary>
public sealed record NewDatapoint(string SchemaId, DatapointContent? Content);
