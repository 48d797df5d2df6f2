using System.Text.Json;

namespace CoupaIntegration.Rossum.Api.Wire;

/// <summary>
/// One row of the hook call log (VERIFIED fields; <c>status</c> is waiting, running, completed, cancelled or failed).
/// Request and response bodies are left unread: a person reads them in Rossum, we only point there.
/// </summary>
public sealed record RossumHookLog(
    string? Timestamp,
    string? RequestId,
    string? Event,
    string? Action,
    string? LogLevel,
    string? Message,
    string? Status,
    JsonElement? StatusCode);
