namespace CoupaIntegration.Exports;

/// <summary>When a draft is submitted for approval: CIB leaves credit notes in draft, so that is the default.</summary>
public enum SubmitMode
{
    /// <summary>Invoices only; credit notes stay draft.</summary>
    Invoices,
    Always,
    Never,
}
