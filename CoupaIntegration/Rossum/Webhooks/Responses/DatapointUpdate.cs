using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.Webhooks.Responses;

/// <summary>The <c>value</c> of a <c>replace</c> operation: only these attributes may change; null ones are left out.</summary>
public sealed record DatapointUpdate(
    DatapointContent? Content,
    bool? Hidden = null,
    IReadOnlyList<JsonNode>? Options = null,
    IReadOnlyList<string>? ValidationSources = null);
