using System.Text.Json.Nodes;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// One hook as the installer wants it: the whole body for a create (without secrets, which the planner adds), and
/// the fields it keeps in line on existing hooks.
/// </summary>
public sealed record DesiredHook(HookRole Role, string Name, JsonObject CreateBody, IReadOnlyList<OwnedField> Owned)
{
    /// <summary>The function URL without its key: how a foreign hook calling the same function is recognised.</summary>
    public string FunctionUrl => FunctionRoutes.WithoutQuery((string)CreateBody["config"]!["url"]!);
}
