namespace CoupaIntegration.Coupa.Diagnostics;

/// <summary>The state of one doctor check, from good to unknown.</summary>
public enum DoctorStatus
{
    /// <summary>In place and working.</summary>
    Ok,
    /// <summary>Works, but worth a look (a host off the allow-list, a secret accepted with whitespace around it).</summary>
    Warning,
    /// <summary>A scope the Coupa client was not granted (<c>invalid_scope</c>): add it to the client.</summary>
    Missing,
    /// <summary>Something a person must fix: credentials, grant type, URL, endpoint or permissions.</summary>
    Failed,
    /// <summary>Could not be checked now (Coupa busy, time-outs): try again later.</summary>
    Unavailable,
    /// <summary>Not tried, because a check it depends on failed.</summary>
    NotChecked,
}

/// <summary>The verdict of a doctor run.</summary>
public enum DoctorOutcome
{
    /// <summary>Everything the chosen types need is in place.</summary>
    Ready,
    /// <summary>At least one thing must be fixed (a missing scope, wrong credentials, a wrong host …).</summary>
    NeedsFixing,
    /// <summary>Nothing to fix was found, but some checks could not be made (Coupa unavailable).</summary>
    Incomplete,
}
