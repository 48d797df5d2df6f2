namespace CoupaIntegration.Exports;

/// <summary>
/// What an export achieved. <see cref="InvoiceId"/> is null only when no draft exists in Coupa; then
/// <see cref="Error"/> says why and the annotation must go to failed export.
/// </summary>
public sealed record ExportResult(long? InvoiceId, string? Status, IReadOnlyList<ExportStepResult> Steps, string? Error = null)
{
    public ExportStepResult? Step(string name) => Steps.LastOrDefault(s => s.Step == name);
}
