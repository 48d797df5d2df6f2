using System.Text.Json;
using System.Text.Json.Serialization;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary>
/// <c>GET /operation_status/{id}</c>'s result. <see cref="Status"/> moves CREATED → RUNNING → FINISHED | FAILED;
/// <see cref="LastUpdated"/> is an Extended JSON date, kept as JSON since nothing here reads it.
/// </summary>
public sealed record OperationStatus(
    [property: JsonPropertyName("_id")] JsonElement Id,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("operation")] string? Operation,
    [property: JsonPropertyName("last_updated")] JsonElement? LastUpdated,
    [property: JsonPropertyName("error_message")] string? ErrorMessage)
{
    public const string Finished = "FINISHED";
    public const string Failed = "FAILED";
}
