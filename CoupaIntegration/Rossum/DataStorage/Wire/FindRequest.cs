using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.DataStorage.Wire;

/// <summary><c>POST /data/find</c>: note <c>query</c>, not <c>filter</c> (the wrong key is a 422). Limit 0 means no limit.</summary>
public sealed record FindRequest(string CollectionName, JsonObject Query, JsonObject? Projection = null, int Skip = 0, int Limit = 0, JsonObject? Sort = null);
