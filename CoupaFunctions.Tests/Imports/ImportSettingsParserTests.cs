using System.Text.Json;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Imports;

public sealed class ImportSettingsParserTests
{
    [Theory]
    [MemberData(nameof(SharedFolder.ImportHookNames), MemberType = typeof(SharedFolder))]
    public void CibHookSettings_LoadAndValidateUnchanged(string hookFile)
    {
        SharedFolder.RequirePath();
        using var hook = JsonDocument.Parse(SharedFolder.ImportHook(hookFile));
        var raw = hook.RootElement.GetProperty("settings");

        var settings = ImportSettingsParser.Parse(raw);
        var entry = ImportCatalog.Default.FindByEndpoint(settings.ImportConfig.Endpoint!);
        var plan = ImportPlanner.Resolve(entry, settings, new Secret("s3cret"));

        var config = raw.GetProperty("import_config");
        Assert.Equal(config.GetProperty("endpoint").GetString(), plan.Endpoint);
        Assert.Equal(config.GetProperty("dataset_name").GetString(), plan.DatasetName);
        Assert.Equal(config.GetProperty("records_per_request").GetInt32(), plan.PageSize);
        Assert.Equal(ImportMethod.Update, plan.Method);
        Assert.Equal(["id"], plan.IdKeys);
        Assert.Equal(raw.GetProperty("credentials").GetProperty("client_scope").GetString(), string.Join(' ', plan.Connection.Scopes));
        Assert.Equal(TimeSpan.FromSeconds(36000), plan.MaxRunTime);
        // The query is used as given: every filter key of the hook, and its fields when it has them.
        var query = config.GetProperty("query");
        foreach (var key in query.EnumerateObject().Select(p => p.Name).Where(k => k is not ("fields" or "order_by" or "dir")))
            Assert.Equal(query.GetProperty(key).GetString(), plan.Query.Filters[key]);
        if (query.TryGetProperty("fields", out var fields))
            Assert.Equal(fields.GetArrayLength(), plan.Query.Fields!.Count);
    }

    [Fact]
    public void InvalidSettings_ReportEveryProblemByJsonPath()
    {
        const string json = """
            {"credentials": {"client_id": 42, "base_api_url": "not a url"},
             "import_config": {"query": {"fields": "id,name", "dir": "sideways", "limit": 10},
                               "method": "merge", "id_keys": "id", "records_per_request": 500,
                               "dataset_name": "bad name!"},
             "job_run_settings": {"max_run_time_s": "soon"}}
            """;

        var parse = Assert.Throws<SettingsValidationException>(() => ImportSettingsParser.Parse(json));

        var paths = parse.Errors.Select(e => e.Path).ToList();
        Assert.Equal(
            ["$.credentials.client_id", "$.import_config.query.fields", "$.import_config.query.dir", "$.import_config.query.limit",
             "$.import_config.method", "$.import_config.id_keys", "$.job_run_settings.max_run_time_s"],
            paths);
        Assert.Contains("\"merge\"", parse.Message);
        Assert.Equal(FailureKind.BadRequest, parse.Kind);
    }

    [Fact]
    public void Planning_ReportsEveryMissingOrOutOfRangeValue()
    {
        var settings = ImportSettingsParser.Parse("""
            {"credentials": {"base_api_url": "ftp://coupa"},
             "import_config": {"endpoint": "suppliers", "records_per_request": 500, "dataset_name": "bad name!", "method": "replace",
                               "query": {"updated-at[gt_or_eq]": "${last_modified_date}"}}}
            """);

        var plan = Assert.Throws<SettingsValidationException>(() => ImportPlanner.Resolve(null, settings, null));

        Assert.Equal(
            ["$.credentials.base_api_url", "$.credentials.client_id", "$.credentials.client_scope", "$.secrets.client_secret",
             "$.import_config.endpoint", "$.import_config.dataset_name", "$.import_config.records_per_request", "$.import_config.method"],
            plan.Errors.Select(e => e.Path));
    }

    [Fact]
    public void MalformedJson_IsOneErrorNamingTheDocument()
    {
        var error = Assert.Throws<SettingsValidationException>(() => ImportSettingsParser.Parse("{\"credentials\": "));
        Assert.Equal("$", Assert.Single(error.Errors).Path);
    }

    [Fact]
    public void CallerSettings_OverrideTheCatalogEntryFieldByField()
    {
        var settings = ImportSettingsParser.Parse("""
            {"credentials": {"client_id": "c", "base_api_url": "https://acme.coupahost.com/api/ignored"},
             "import_config": {"dataset_name": "suppliers_prod", "records_per_request": 25}}
            """);

        var plan = ImportPlanner.Resolve(ImportCatalog.Default.Get("suppliers"), settings, new Secret("x"));

        Assert.Equal("suppliers_prod", plan.DatasetName);
        Assert.Equal(25, plan.PageSize);
        Assert.Equal("api/suppliers", plan.Endpoint);
        Assert.Equal(["core.supplier.read"], plan.Connection.Scopes);
        Assert.Equal(ImportCatalogEntry.LastModifiedPlaceholder, plan.Query.Filters["updated-at[gt_or_eq]"]);
        Assert.True(FieldsSpec.Selects(plan.Query.Fields!, "remit-to-addresses") || plan.Query.Fields!.ToJsonString().Contains("remit_to_addresses"));
        Assert.Equal(new Uri("https://acme.coupahost.com/"), plan.Connection.BaseUrl);
    }
}
