using System.Text.Json.Nodes;
using CoupaIntegration.Rossum.Api.Wire;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>Dotted paths into a hook (<c>config.schedule.cron</c>): read from a hook, written into a JSON object.</summary>
public static class HookPaths
{
    public static JsonNode? Get(RossumHook hook, string path)
    {
        var parts = path.Split('.');
        var node = hook.Field(parts[0]);
        foreach (var part in parts.Skip(1))
            node = node is JsonObject o ? o[part] : null;
        return node;
    }

    /// <summary>Sets a path under <paramref name="root"/>, making the objects on the way.</summary>
    public static void Set(JsonObject root, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject next)
            {
                next = new JsonObject();
                node[part] = next;
            }
            node = next;
        }
        node[parts[^1]] = value;
    }
}
