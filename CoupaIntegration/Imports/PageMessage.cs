using System.Text.Json;

namespace CoupaIntegration.Imports;

/// <summary>What page workers tell the single writer, in order, so the saved state matches the written data.</summary>
internal abstract record PageMessage(int RangeId);

/// <summary>A page of records; the range's cursor moves to <see cref="LastId"/>, and the range ends when <see cref="RangeDone"/>.</summary>
internal sealed record PageRead(int RangeId, IReadOnlyList<JsonElement> Records, long LastId, bool RangeDone) : PageMessage(RangeId);

/// <summary>A range was cut at <see cref="At"/>; ids above it became range <see cref="NewRangeId"/>.</summary>
internal sealed record RangeSplit(int RangeId, long At, int NewRangeId) : PageMessage(RangeId);
