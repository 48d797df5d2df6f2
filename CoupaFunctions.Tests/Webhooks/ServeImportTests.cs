using System.Net;
using System.Text.Json.Nodes;
using CoupaFunctions.Tests.Infrastructure;

namespace CoupaFunctions.Tests.Webhooks;

/// <summary>Import calls beyond the CIB hooks, and Rossum's asynchronous protocol: 202 + Location, 200 while running, 201 when done.</summary>
public sealed class ServeImportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExchangeRates_ThroughTheGenericUrl_LandInTheirDataset()
    {
        await using var harness = await WebhookHarness.StartAsync(o => o.Records["exchange_rates"] = 230);
        var settings = harness.Settings(new JsonObject { ["endpoint"] = "api/exchange_rates", ["dataset_name"] = "fx_rates" });

        var accepted = await harness.PostAsync("api/coupa/v1/import", harness.Payload(settings));
        var done = await harness.PollUntilDoneAsync(accepted.Location!);

        Assert.True(done.Status == HttpStatusCode.Created, done.ToString());
        Assert.Equal(230, done.Json["result"]!["records_read"]!.GetValue<long>());
        Assert.Equal(harness.SandboxIds("exchange_rates"), harness.StoredIds("fx_rates"));
        harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task ReplaceMethod_OverHttp_SwapsInTheWholeDataset()
    {
        await using var harness = await WebhookHarness.StartAsync(o => o.Records["payment_terms"] = 60);
        // A full refresh: the caller's query (no incremental filter) replaces the catalog's whole.
        var settings = harness.Settings(new JsonObject { ["method"] = "replace", ["dataset_name"] = "terms", ["query"] = new JsonObject { ["order_by"] = "id" } });
        var first = await harness.PostAsync("api/import/payment-terms", harness.Payload(settings));
        Assert.True(first.Status == HttpStatusCode.Accepted, first.ToString());
        Assert.Equal(HttpStatusCode.Created, (await harness.PollUntilDoneAsync(first.Location!)).Status);
        harness.Sandbox.Data.Create("payment_terms", 7);

        var again = await harness.PollUntilDoneAsync((await harness.PostAsync("api/import/payment_terms", harness.Payload(settings))).Location!);

        Assert.True(again.Status == HttpStatusCode.Created, again.ToString());
        Assert.Equal(67, again.Json["result"]!["inserted"]!.GetValue<long>());
        Assert.Equal(harness.SandboxIds("payment_terms"), harness.StoredIds("terms"));
        Assert.DoesNotContain(harness.Rossum.Organisation().CollectionNames, n => n.Contains("staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InsertMethod_CalledTwice_NeverDuplicates()
    {
        await using var harness = await WebhookHarness.StartAsync(o => o.Records["lookup_values"] = 180);
        var settings = harness.Settings(new JsonObject { ["method"] = "insert", ["dataset_name"] = "lookups", ["records_per_request"] = 25 });
        var first = await harness.PollUntilDoneAsync((await harness.PostAsync("api/import/lookup-values", harness.Payload(settings))).Location!);
        harness.Sandbox.Data.Create("lookup_values", 20);

        var second = await harness.PollUntilDoneAsync((await harness.PostAsync("api/import/lookup-values", harness.Payload(settings))).Location!);

        Assert.True(first.Status == HttpStatusCode.Created, first.ToString());
        Assert.True(second.Status == HttpStatusCode.Created, second.ToString());
        Assert.Equal(harness.SandboxIds("lookup_values"), harness.StoredIds("lookups"));
    }

    [Fact]
    public async Task AcceptedRun_AnswersProgressWhileRunning_ThenCreatedWithCounts_AndADuplicateCallFollowsIt()
    {
        await using var harness = await WebhookHarness.StartAsync(o => { o.Records["suppliers"] = 600; o.Faults.LatencyMs = 40; },
            new Dictionary<string, string?> { ["Import:PageConcurrency"] = "2" });
        var payload = harness.Payload(harness.Settings());

        var accepted = await harness.PostAsync("api/import/suppliers", payload);
        var duplicate = await harness.PostAsync("api/import/suppliers", harness.Payload(harness.Settings()));
        var running = await harness.GetAsync(accepted.Location!);

        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        Assert.StartsWith(harness.Server.BaseUrl + "api/import/runs/", accepted.Location);
        Assert.Equal(accepted.Location, accepted.Json["status_url"]!.GetValue<string>());
        Assert.Equal("accepted", accepted.Json["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, duplicate.Status);
        Assert.Equal(accepted.Location, duplicate.Location);
        Assert.Equal("already_running", duplicate.Json["status"]!.GetValue<string>());
        Assert.True(running.Status == HttpStatusCode.OK, running.ToString());
        Assert.Contains(running.Json["status"]!.GetValue<string>(), new[] { "pending", "running" });
        Assert.Equal(accepted.Json["run_id"]!.GetValue<string>(), running.Json["run_id"]!.GetValue<string>());

        var sawProgress = false;
        WebhookHarness.Answer answer;
        while ((answer = await harness.GetAsync(accepted.Location!)).Status == HttpStatusCode.OK)
        {
            sawProgress |= answer.Json["progress"]?["records"]?.GetValue<long>() > 0;
            await Task.Delay(20, Ct);
        }

        Assert.True(answer.Status == HttpStatusCode.Created, answer.ToString());
        Assert.True(sawProgress, "progress with records read was reported while running");
        Assert.Equal("completed", answer.Json["status"]!.GetValue<string>());
        Assert.Equal((600L, 600L), (answer.Json["result"]!["records_read"]!.GetValue<long>(), answer.Json["result"]!["inserted"]!.GetValue<long>()));
        Assert.Equal(harness.SandboxIds("suppliers"), harness.StoredIds("suppliers"));
        harness.AssertNoSecretLeaked();
    }

    [Fact]
    public async Task StatusUrl_WithATamperedOrMissingToken_IsNotFound()
    {
        await using var harness = await WebhookHarness.StartAsync();
        var accepted = await harness.PostAsync("api/import/tax_codes", harness.Payload(harness.Settings()));
        var location = new Uri(accepted.Location!);
        var runId = location.AbsolutePath.Split('/').Last();
        var token = System.Web.HttpUtility.ParseQueryString(location.Query)["token"]!;
        var tampered = token[..^2] + (token[^2..] == "AA" ? "BB" : "AA");
        var otherRun = runId[..^1] + (runId[^1] == '0' ? '1' : '0');

        Assert.Equal(HttpStatusCode.NotFound, (await harness.GetAsync($"api/import/runs/{runId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await harness.GetAsync($"api/import/runs/{runId}?token={Uri.EscapeDataString(tampered)}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await harness.GetAsync($"api/import/runs/{otherRun}?token={Uri.EscapeDataString(token)}")).Status);
        Assert.NotEqual(HttpStatusCode.NotFound, (await harness.GetAsync(accepted.Location!)).Status);
        await harness.PollUntilDoneAsync(accepted.Location!);
    }

    [Fact]
    public async Task Health_AnswersOk_ListingTheImportTypes()
    {
        await using var harness = await WebhookHarness.StartAsync();

        var health = await harness.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, health.Status);
        Assert.Equal("ok", health.Json["status"]!.GetValue<string>());
        Assert.Contains("exchange_rates", health.Json["importTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
    }
}
