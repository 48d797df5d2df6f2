using System.Text.Json;
using System.Text.Json.Nodes;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>
/// infra/main.bicep compiled to ARM JSON (`bicep build --stdout`), once per test run, and the app settings read from
/// it: the variables of infra/modules/appSettings.bicep, whose names are literal in the compiled template.
/// </summary>
public sealed class CompiledTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static CompiledTemplate? _compiled;

    private CompiledTemplate(BicepRun build, JsonObject? template)
    {
        Build = build;
        Template = template;
    }

    public BicepRun Build { get; }

    public JsonObject? Template { get; }

    public static async Task<CompiledTemplate> GetAsync()
    {
        BicepCli.Require();
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_compiled is null)
            {
                var build = await BicepCli.RunAsync("build", BicepCli.MainTemplate, "--stdout");
                _compiled = new CompiledTemplate(build, build.ExitCode == 0 ? JsonNode.Parse(build.Output)!.AsObject() : null);
            }
            return _compiled;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The variables of the nested template that defines <paramref name="marker"/> (module templates are inlined).</summary>
    public JsonObject VariablesOfModuleWith(string marker)
    {
        Assert.True(Template is not null, "main.bicep did not compile: " + Build.Describe());
        var found = Templates(Template!).Select(t => t["variables"] as JsonObject).FirstOrDefault(v => v?.ContainsKey(marker) == true);
        Assert.True(found is not null, $"No template in the compiled main.bicep defines the variable '{marker}'.");
        return found!;
    }

    /// <summary>The keys of an object variable.</summary>
    public static IReadOnlyList<string> Keys(JsonObject variables, string name) =>
        variables[name] is JsonObject value ? value.Select(p => p.Key).ToList() : throw new InvalidOperationException($"Variable '{name}' is not an object literal.");

    /// <summary>An object variable's literal string values (ARM expressions, "[…]", are runtime values and left out).</summary>
    public static IReadOnlyDictionary<string, string> Literals(JsonObject variables, string name) =>
        ((JsonObject)variables[name]!)
        .Where(p => p.Value?.GetValueKind() == JsonValueKind.String && !p.Value.GetValue<string>().StartsWith('['))
        .ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());

    private static IEnumerable<JsonObject> Templates(JsonObject template)
    {
        yield return template;
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
            if (resource["properties"]?["template"] is JsonObject nested)
                foreach (var inner in Templates(nested)) yield return inner;
    }
}
