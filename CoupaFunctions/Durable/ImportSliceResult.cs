using CoupaIntegration.Imports;

namespace CoupaFunctions.Durable;

/// <summary>
/// What a slice achieved. The summary counts the whole engine run so far (its state lives in the data hub),
/// not just this slice.
/// </summary>
public sealed record ImportSliceResult(ImportSummary Summary, ImportProgress? Progress);
