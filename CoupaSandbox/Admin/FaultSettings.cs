using System.Globalization;
using System.Text.Json.Nodes;

namespace CoupaSandbox.Admin;

/// <summary>FaultOptions as JSON for the admin endpoint. Names match case-insensitively and ignore '-' and '_'
/// ("latencyMs", "LatencyMs", "latency_ms"); keys that are absent keep their current value.</summary>
internal static class FaultSettings
{
    public static JsonObject ToJson(FaultOptions faults) => new()
    {
        ["latencyMs"] = faults.LatencyMs,
        ["serverErrorRate"] = faults.ServerErrorRate,
        ["dropConnectionRate"] = faults.DropConnectionRate,
        ["malformedJsonRate"] = faults.MalformedJsonRate,
        ["failNextRequests"] = faults.FailNextRequests,
        ["failStatus"] = faults.FailStatus,
        ["dropResponseAfterCommitNext"] = faults.DropResponseAfterCommitNext,
        ["dropResponseAfterCommitRoutes"] = new JsonArray([.. faults.DropResponseAfterCommitRoutes.Select(r => (JsonNode?)r)]),
    };

    public static void Apply(FaultOptions faults, JsonObject body)
    {
        foreach (var (key, value) in body)
        {
            string text = value?.ToJsonString().Trim('"') ?? "0";
            switch (key.Replace("-", "").Replace("_", "").ToLowerInvariant())
            {
                case "latencyms": faults.LatencyMs = int.Parse(text, CultureInfo.InvariantCulture); break;
                case "servererrorrate": faults.ServerErrorRate = double.Parse(text, CultureInfo.InvariantCulture); break;
                case "dropconnectionrate": faults.DropConnectionRate = double.Parse(text, CultureInfo.InvariantCulture); break;
                case "malformedjsonrate": faults.MalformedJsonRate = double.Parse(text, CultureInfo.InvariantCulture); break;
                case "failnextrequests": faults.FailNextRequests = int.Parse(text, CultureInfo.InvariantCulture); break;
                case "failstatus": faults.FailStatus = int.Parse(text, CultureInfo.InvariantCulture); break;
                case "dropresponseaftercommitnext": faults.DropResponseAfterCommitNext = int.Parse(text, CultureInfo.InvariantCulture); break;
                case "dropresponseaftercommitroutes":
                    faults.DropResponseAfterCommitRoutes = value is JsonArray routes ? [.. routes.Select(r => r?.GetValue<string>() ?? "")] : throw new FormatException($"'{key}' must be an array of \"METHOD /path\" strings");
                    break;
                default: throw new FormatException($"unknown setting '{key}'");
            }
        }
    }
}
