using System.ComponentModel.DataAnnotations;

namespace CoupaIntegration.Exports;

/// <summary>Section "Export": how long an export may take (Rossum waits for the answer) and how hard create is tried.</summary>
public sealed class ExportOptions
{
    public const string SectionName = "Export";

    /// <summary>The whole export, all steps: the hook answers synchronously, well inside Rossum's timeout.</summary>
    [Range(1, 600)]
    public double TimeoutSeconds { get; set; } = 25;

    /// <summary>One create attempt: after it, Coupa is asked whether the draft exists before trying again.</summary>
    [Range(0.1, 300)]
    public double CreateAttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts at each writing step (create, image scan, link, submit) when Coupa fails transiently.</summary>
    [Range(1, 10)]
    public int StepAttempts { get; set; } = 3;

    /// <summary>The duplicate check runs on interactive events (Rossum waits ~30 s): its one query gives up sooner.</summary>
    [Range(0.5, 25)]
    public double DuplicateCheckTimeoutSeconds { get; set; } = 8;

    /// <summary>Pause between attempts.</summary>
    [Range(0, 60)]
    public double RetryDelaySeconds { get; set; } = 0.5;

    /// <summary>The Rossum UI's address of an annotation, linked from the Coupa invoice; {base_url} and {annotation_id} are replaced.</summary>
    [Required]
    public string AnnotationLinkFormat { get; set; } = "{base_url}/document/{annotation_id}";
}
