namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>
/// The part of a datapoint's <c>content</c> a hook may set. <see cref="NormalizedValue"/> must agree with
/// <see cref="Value"/>; <see cref="Position"/> is [left, top, right, bottom] on <see cref="Page"/>.
/// </summary>
public sealed record DatapointContent(string? Value, string? NormalizedValue = null, IReadOnlyList<int>? Position = null, int? Page = null);
