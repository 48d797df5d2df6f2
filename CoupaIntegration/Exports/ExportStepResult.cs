namespace CoupaIntegration.Exports;

/// <summary>One step's result: what happened, Coupa's status code and readable messages, for the hook answer.</summary>
public sealed record ExportStepResult(string Step, ExportStepOutcome Outcome, int? StatusCode = null, string? Message = null, string? ResponseBody = null)
{
    public const string Find = "find";
    public const string Create = "create";
    public const string ImageScan = "image_scan";
    public const string Attachment = "attachment";
    public const string Submit = "submit";
}
