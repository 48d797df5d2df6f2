namespace CoupaIntegration.Coupa.Diagnostics;

/// <summary>A check of the connection itself: <c>host</c>, <c>secret</c> or <c>client</c>.</summary>
public sealed record DoctorCheck(string Name, DoctorStatus Status, string Detail);

/// <summary>One row of the table: an import type (or <c>export</c>), a scope it needs, and whether it works.</summary>
public sealed record DoctorScopeCheck(string Type, string Scope, string? Endpoint, DoctorStatus Status, string Detail);

/// <summary>What <see cref="CoupaDoctor"/> found. Every detail names its cause; none holds a secret or a token.</summary>
public sealed record DoctorReport(string Instance, string ClientId, IReadOnlyList<DoctorCheck> Checks, IReadOnlyList<DoctorScopeCheck> Scopes)
{
    /// <summary>Exactly the scopes to grant the Coupa OAuth client, each once, sorted.</summary>
    public IReadOnlyList<string> ScopesToAdd =>
        [.. Scopes.Where(s => s.Status == DoctorStatus.Missing).Select(s => s.Scope).Distinct().Order(StringComparer.Ordinal)];

    public DoctorOutcome Outcome
    {
        get
        {
            var statuses = Checks.Select(c => c.Status).Concat(Scopes.Select(s => s.Status)).ToList();
            if (statuses.Any(s => s is DoctorStatus.Failed or DoctorStatus.Missing)) return DoctorOutcome.NeedsFixing;
            return statuses.Any(s => s is DoctorStatus.Unavailable or DoctorStatus.NotChecked) ? DoctorOutcome.Incomplete : DoctorOutcome.Ready;
        }
    }
}
