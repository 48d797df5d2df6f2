using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.Setup;

public enum FieldComparison
{
    /// <summary>Equal as JSON.</summary>
    Exact,
    /// <summary>Lists of strings equal in any order (events).</summary>
    Set,
    /// <summary>Lists of API URLs equal by the ids they end with, in any order (queues).</summary>
    ResourceIds,
    /// <summary>Equal as JSON; shown with the function key masked.</summary>
    FunctionUrl,
}

/// <summary>
/// A value the installer keeps in line on every run, at a dotted path of the hook (<c>config.url</c>,
/// <c>settings.credentials.base_api_url</c>). Paths not owned are written when a hook is created and then left to
/// the people who run it (a schedule or query tuned in Rossum survives the next install).
/// </summary>
public sealed record OwnedField(string Path, JsonNode? Value, FieldComparison Comparison = FieldComparison.Exact)
{
    /// <summary>Only set where the hook has no value yet (null or missing); an existing one is left alone.</summary>
    public bool FillOnly { get; init; }

    public string TopLevel => Path.Split('.', 2)[0];
}
