namespace CoupaFunctions.Tests.Deployment;

/// <summary>infra/ compiles and lints clean, and sets exactly the app settings the code reads, at the code's defaults.</summary>
public sealed class BicepTemplateTests
{
    [Fact]
    public async Task MainTemplate_Builds_WithoutErrorsOrWarnings()
    {
        var compiled = await CompiledTemplate.GetAsync();

        Assert.True(compiled.Build.ExitCode == 0 && compiled.Build.Diagnostics.Count == 0, "bicep build: " + compiled.Build.Describe());
        Assert.NotNull(compiled.Template);
    }

    [Fact]
    public async Task MainTemplate_Lints_WithoutErrorsOrWarnings()
    {
        var lint = await BicepCli.RunAsync("lint", BicepCli.MainTemplate);

        Assert.True(lint.ExitCode == 0 && lint.Diagnostics.Count == 0, "bicep lint: " + lint.Describe());
    }

    [Fact]
    public async Task AppSettings_AreExactlyTheSettingsTheCodeReads()
    {
        var variables = (await CompiledTemplate.GetAsync()).VariablesOfModuleWith("tuningSettings");

        var scalars = CompiledTemplate.Keys(variables, "deploymentSettings").Concat(CompiledTemplate.Keys(variables, "tuningSettings"));
        var collections = CompiledTemplate.Keys(variables, "collectionSettings");
        var host = CompiledTemplate.Keys(variables, "hostSettings");
        var premiumHost = CompiledTemplate.Keys(variables, "premiumHostSettings");

        var problems = new[]
        {
            AppSettingsCatalog.Difference("settings (deploymentSettings + tuningSettings)", AppSettingsCatalog.Scalars.Select(s => s.Name), scalars),
            AppSettingsCatalog.Difference("list/dictionary settings (collectionSettings)", AppSettingsCatalog.Collections.Select(s => s.Name), collections),
            AppSettingsCatalog.Difference("host settings (hostSettings)", AppSettingsCatalog.AzureHostSettings, host),
            AppSettingsCatalog.Difference("Elastic Premium host settings (premiumHostSettings)", AppSettingsCatalog.ElasticPremiumHostSettings, premiumHost),
        }.Where(p => p.Length > 0).ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public async Task TuningSettings_EqualTheCodesDefaults()
    {
        var variables = (await CompiledTemplate.GetAsync()).VariablesOfModuleWith("tuningSettings");
        var tuning = CompiledTemplate.Literals(variables, "tuningSettings");
        var fromDeployment = CompiledTemplate.Keys(variables, "deploymentSettings");

        var wrong = AppSettingsCatalog.Scalars
            .Where(s => s.DefaultValue is not null && !AppSettingsCatalog.DeploymentSpecificDefaults.Contains(s.Name))
            .Where(s => !tuning.TryGetValue(s.Name, out var value) || value != s.DefaultValue)
            .Select(s => $"{s.Name}: code default '{s.DefaultValue}', Bicep tuningSettings '{(tuning.TryGetValue(s.Name, out var v) ? v : "(absent)")}'")
            .ToList();
        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
        // Settings without a default, or with an Azure-specific one, come from the deployment, never a literal.
        var misplaced = AppSettingsCatalog.Scalars.Where(s => s.DefaultValue is null || AppSettingsCatalog.DeploymentSpecificDefaults.Contains(s.Name))
            .Select(s => s.Name).Where(n => !fromDeployment.Contains(n)).ToList();
        Assert.True(misplaced.Count == 0, "expected in deploymentSettings: " + string.Join(", ", misplaced));
    }
}
