namespace CoupaIntegration.Telemetry;

/// <summary>How an export or a duplicate check ended, for logs and metrics.</summary>
public enum ExportOutcome
{
    /// <summary>Everything wanted was done (or found done by an earlier delivery); a duplicate check ran.</summary>
    Completed,
    /// <summary>The invoice exists in Coupa but a later step (image scan, link, submit) failed; exporting again completes it.</summary>
    Partial,
    /// <summary>Nothing to do: a duplicate check without invoice number or supplier.</summary>
    Skipped,
    /// <summary>No invoice in Coupa (refused, not reachable, settings or secret missing), or the check could not run.</summary>
    Failed,
    /// <summary>The call itself was refused: bad signature, malformed payload, wrong event.</summary>
    Rejected,
}
