using CoupaIntegration.Webhooks;

namespace CoupaFunctions.Durable;

/// <summary>One activity call: run (or resume) the job for at most <paramref name="BudgetSeconds"/>.</summary>
public sealed record ImportSliceInput(ImportJobRequest Job, double BudgetSeconds);
