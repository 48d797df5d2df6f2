namespace CoupaIntegration.Telemetry;

/// <summary>
/// The names operators query by: the log events' field names, which are also the metric tag names, so one
/// vocabulary serves Application Insights' <c>traces</c> and <c>customMetrics</c> (both under customDimensions).
/// </summary>
public static class TelemetryNames
{
    public const string RunId = "RunId";
    public const string HookId = "HookId";
    public const string Function = "Function";
    public const string Dataset = "Dataset";
    public const string Endpoint = "Endpoint";
    public const string Outcome = "Outcome";
    public const string FailureKind = "FailureKind";
    public const string Error = "Error";
    public const string Attempt = "Attempt";
    public const string Resumed = "Resumed";
    public const string RecordsRead = "RecordsRead";
    public const string RecordsWritten = "RecordsWritten";
    public const string Inserted = "Inserted";
    public const string Updated = "Updated";
    public const string Unchanged = "Unchanged";
    public const string Pages = "Pages";
    public const string Retries = "Retries";
    public const string DurationSeconds = "DurationSeconds";
    public const string Checkpoint = "Checkpoint";
    public const string AnnotationId = "AnnotationId";
    public const string InvoiceId = "InvoiceId";
    public const string InvoiceStatus = "InvoiceStatus";
    public const string Steps = "Steps";

    /// <summary>Outcome and failure-kind values as they appear in logs and tags: lower snake case.</summary>
    public static string Value(Enum value) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
