namespace CoupaIntegration.Exports;

public enum ExportStepOutcome
{
    /// <summary>Done by this call.</summary>
    Done,
    /// <summary>Found done by an earlier call (a retry or a duplicate delivery): not repeated.</summary>
    AlreadyDone,
    /// <summary>Not wanted here (settings, credit note, or an earlier step failed).</summary>
    Skipped,
    Failed,
}
