using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary><c>POST /collections/list</c>; with <see cref="NameOnly"/> the result is a list of names.</summary>
public sealed record ListCollectionsRequest(JsonObject? Filter = null, bool NameOnly = true);
