namespace CoupaIntegration.Rossum.Api.Wire;

/// <summary>A queue: export hooks are attached to queues by their <c>url</c>.</summary>
public sealed record RossumQueue(long Id, string? Url, string? Name);
