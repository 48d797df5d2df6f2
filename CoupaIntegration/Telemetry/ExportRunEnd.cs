using CoupaIntegration.Common;

namespace CoupaIntegration.Telemetry;

/// <summary>How one export or duplicate-check call ended.</summary>
public sealed record ExportRunEnd(
    string RunId,
    string Function,
    string HookId,
    long? AnnotationId,
    ExportOutcome Outcome,
    FailureKind? FailureKind,
    long? InvoiceId,
    string? InvoiceStatus,
    string? Steps,
    long Retries,
    TimeSpan Duration,
    string? Error);
