using CoupaIntegration.Imports;

namespace CoupaFunctions.Durable;

/// <summary>The orchestration's custom status after each slice: what the polling URL shows while the run goes on.</summary>
public sealed record ImportRunCustomStatus(int Slices, ImportProgress? Progress, ImportSummary? Summary);
