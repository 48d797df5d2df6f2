using System.Text.RegularExpressions;
using CoupaFunctions.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace CoupaFunctions.Tests.Deployment;

/// <summary>.github/workflows/ci-cd.yml: tests gate the deployment, which runs only from main, signs in by OIDC and holds no secret.</summary>
public sealed partial class WorkflowTests
{
    private static readonly string WorkflowPath = Path.Combine(SharedFolder.RepositoryRoot, ".github", "workflows", "ci-cd.yml");

    [Fact]
    public void Workflow_RunsOnPullRequestsAndPushes_AndTestsWithTheCiScript()
    {
        var root = Load();

        var on = (YamlMappingNode)root["on"];
        Assert.True(on.Children.ContainsKey("pull_request"), "not triggered by pull_request");
        Assert.True(on.Children.ContainsKey("push"), "not triggered by push");
        var steps = Steps(Job(root, "test"));
        Assert.Contains(steps, s => s.Contains(".ci/run", StringComparison.Ordinal));
    }

    [Fact]
    public void DeployJob_NeedsTheTests_RunsOnlyOnPushToMain_AndMayRequestAnIdToken()
    {
        var deploy = Job(Load(), "deploy");

        var needs = deploy["needs"] switch
        {
            YamlScalarNode one => [one.Value!],
            YamlSequenceNode many => many.Children.Select(c => ((YamlScalarNode)c).Value!).ToList(),
            _ => new List<string>(),
        };
        Assert.Contains("test", needs);
        var condition = Regex.Replace(((YamlScalarNode)deploy["if"]).Value!, @"\s+", " ");
        Assert.Contains("github.event_name == 'push'", condition);
        Assert.Contains("github.ref == 'refs/heads/main'", condition);
        Assert.DoesNotContain("||", condition);
        var permissions = (YamlMappingNode)deploy["permissions"];
        Assert.Equal("write", ((YamlScalarNode)permissions["id-token"]).Value);
        Assert.Equal("read", ((YamlScalarNode)permissions["contents"]).Value);
    }

    [Fact]
    public void DeployJob_SignsInWithOpenIdConnect_AndProvisionsAndDeploysWithAzd()
    {
        var steps = Steps(Job(Load(), "deploy"));

        Assert.Contains(steps, s => s.Contains("Azure/setup-azd", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(steps, s => s.Contains("azd auth login", StringComparison.Ordinal) && s.Contains("--federated-credential-provider github", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("azd provision --no-prompt", StringComparison.Ordinal));
        Assert.Contains(steps, s => s.Contains("azd deploy --no-prompt", StringComparison.Ordinal));
    }

    [Fact]
    public void Workflow_ReferencesNoSecrets_OnlyRepositoryVariables()
    {
        var text = File.ReadAllText(WorkflowPath);

        Assert.False(SecretsContext().IsMatch(text), "the workflow reads the secrets context: " + SecretsContext().Match(text).Value);
        Assert.Contains("vars.AZURE_CLIENT_ID", text);
        Assert.Contains("vars.AZURE_TENANT_ID", text);
        Assert.Contains("vars.AZURE_SUBSCRIPTION_ID", text);
    }

    private static YamlMappingNode Load()
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(WorkflowPath));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Job(YamlMappingNode root, string name) => (YamlMappingNode)((YamlMappingNode)root["jobs"])[name];

    /// <summary>Each step as text (uses, run, with), for looking things up.</summary>
    private static List<string> Steps(YamlMappingNode job) =>
        ((YamlSequenceNode)job["steps"]).Children.OfType<YamlMappingNode>()
        .Select(step => string.Join('\n', step.Children.Select(p => $"{p.Key}: {(p.Value is YamlScalarNode s ? s.Value : p.Value.ToString())}")))
        .ToList();

    [GeneratedRegex(@"\bsecrets\s*(\.|\[)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretsContext();
}
