using System.Text.Json.Nodes;

namespace CoupaSandbox.Data;

/// <summary>Everything a field builder needs: the record id and its private, deterministic randomness.</summary>
internal readonly record struct Seed(long Id, RecordRng Rng);

internal delegate JsonNode? FieldBuilder(Seed record);
