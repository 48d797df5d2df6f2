using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Imports;

/// <summary>Rossum's real CIB import hooks, run unchanged but for the Coupa host, against the sandbox.</summary>
public sealed class CibHookImportTests
{
    [Theory]
    [MemberData(nameof(SharedFolder.ImportHookNames), MemberType = typeof(SharedFolder))]
    public async Task CibHook_RunsToCompletion_AndAsksCoupaForItsFieldsAndFilters(string hookFile)
    {
        SharedFolder.RequirePath();
        var hookJson = SharedFolder.ImportHook(hookFile);
        await using var harness = await ImportHarness.StartAsync();
        var settings = harness.Sandbox.FromHookJson(hookJson);
        var plan = harness.Jobs.Plan(null, settings, harness.Sandbox.Secret);
        var resource = plan.Endpoint["api/".Length..];

        var summary = await harness.RunAsync(plan);

        Assert.True(summary.Status == ImportRunStatus.Completed, summary.Error);
        Assert.True(summary.RecordsRead > 0, "the sandbox holds records of every CIB type");
        Assert.Equal(summary.RecordsRead, await harness.Hub.CountAsync(plan.DatasetName, TestContext.Current.CancellationToken));

        using var hook = JsonDocument.Parse(hookJson);
        var query = hook.RootElement.GetProperty("settings").GetProperty("import_config").GetProperty("query");
        var pages = harness.Sandbox.ApiRequests(resource).Where(r => r.Query.ContainsKey("id[gt]")).ToList();
        Assert.NotEmpty(pages);
        foreach (var request in pages)
        {
            Assert.Equal("50", request.Query["limit"]);
            Assert.Equal("id", request.Query["order_by"]);
            foreach (var filter in query.EnumerateObject().Where(p => p.Name is not ("fields" or "order_by" or "dir")))
                Assert.Equal("1970-01-01T00:00:00Z", request.Query[filter.Name]);
            if (query.TryGetProperty("fields", out var fields))
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(fields.GetRawText()), JsonNode.Parse(request.Query["fields"])),
                    $"fields sent: {request.Query["fields"]}");
        }
    }
}
