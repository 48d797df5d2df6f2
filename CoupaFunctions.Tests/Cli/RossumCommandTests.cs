using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoupaFunctions.Tests.Infrastructure;
using CoupaIntegration.Imports;

namespace CoupaFunctions.Tests.Cli;

/// <summary>
/// `coupa rossum install` and `invoke` as a person runs them, against the Rossum fake's hooks API, the Coupa sandbox
/// and our webhook server: what gets created, what a repeated install does (nothing), what a changed choice
/// updates, that hooks not ours are never touched, and that no secret shows in any output.
/// </summary>
public sealed partial class RossumCommandTests
{
    [GeneratedRegex("[0-9a-f]{64}")]
    private static partial Regex GeneratedSecret();

    private static string[] ImportTypes => ["--types", "purchase_orders,suppliers,units_of_measure"];

    [Fact]
    public async Task FreshInstall_CreatesAHookPerType_PlusExportAndDuplicateCheck_WiredToOurFunctions()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        var queue = harness.Rossum.Hooks.AddQueue("Invoices");

        var run = await harness.CoupaAsync(null, harness.Install([.. ImportTypes, "--queue", queue.ToString(), "--dataset-prefix", "test_"]));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Output.Contains("5 to create", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Output.Contains("Done: 5 created, 0 updated", StringComparison.Ordinal), run.ToString());
        var ours = harness.Ours();
        Assert.Equal(["export:duplicate_check", "export:invoice", "import:purchase_orders", "import:suppliers", "import:units_of_measure"], ours.Keys.Order());
        var server = harness.Webhooks.Server.BaseUrl.ToString();
        var user = harness.Rossum.Hooks.UserId().ToString();

        var po = ours["import:purchase_orders"];
        Assert.Equal(["invocation.manual", "invocation.scheduled"], po.Events.Order());
        Assert.Equal($"{server}api/import/purchase-orders?code={HookSetupHarness.FunctionKey}", po.ConfigString("url"));
        Assert.Equal(WebhookHarness.SignatureSecret, po.ConfigString("secret"));
        Assert.Equal("*/15 * * * *", (string?)po.Fields["config"]!["schedule"]!["cron"]);
        Assert.Equal("test_purchase_orders", (string?)po.Fields["settings"]!["import_config"]!["dataset_name"]);
        Assert.Equal(7200, po.TokenLifetimeSeconds);
        Assert.EndsWith("/users/" + user, po.TokenOwner);
        Assert.Equal(harness.Webhooks.Sandbox.Client.ClientSecret, (string?)po.Secrets!["client_secret"]);
        Assert.Equal("string", (string?)po.Fields["secrets_schema"]!["properties"]!["client_secret"]!["type"]);
        // The settings are the ones our functions read, pointing at this Coupa with the catalog's scope and query.
        var settings = ImportSettingsParser.Parse(po.Fields["settings"]!.ToJsonString());
        Assert.Equal(harness.Webhooks.Sandbox.Server.BaseUrl.ToString(), settings.Credentials.BaseApiUrl);
        Assert.Equal("core.purchase_order.read", settings.Credentials.ClientScope);
        Assert.Equal("${last_modified_date}", settings.ImportConfig.Query!.Filters["updated-at[gt_or_eq]"]);

        // Staggered: each import at its own times.
        var crons = new[] { "import:purchase_orders", "import:suppliers", "import:units_of_measure" }.Select(k => (string?)ours[k].Fields["config"]!["schedule"]!["cron"]).ToList();
        Assert.Equal(["*/15 * * * *", "3 */2 * * *", "10 2 * * *"], crons);

        var export = ours["export:invoice"];
        Assert.Equal(["annotation_content.export"], export.Events);
        Assert.Equal($"{server}api/export/invoice?code={HookSetupHarness.FunctionKey}", export.ConfigString("url"));
        Assert.EndsWith($"/queues/{queue}", (string?)Assert.Single(export.Fields["queues"]!.AsArray()));
        var duplicates = ours["export:duplicate_check"];
        Assert.Equal(["annotation_content.initialize", "annotation_content.updated"], duplicates.Events.Order());
        Assert.EndsWith("api/export/duplicate-check?code=" + HookSetupHarness.FunctionKey, duplicates.ConfigString("url"));

        Assert.True(run.Output.Contains("code=***", StringComparison.Ordinal), run.ToString());
        harness.AssertNoSecret(run.All);
    }

    [Fact]
    public async Task SecondInstall_ReportsEveryHookUnchanged_AndWritesNothing()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        var first = await harness.CoupaAsync(null, harness.Install(ImportTypes));
        Assert.True(first.ExitCode == 0, first.ToString());
        harness.Rossum.Requests.Clear();

        var second = await harness.CoupaAsync(null, harness.Install(ImportTypes));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(second.Output.Contains("0 to create, 0 to update, 5 unchanged", StringComparison.Ordinal), second.ToString());
        Assert.True(second.Output.Contains("Nothing to change", StringComparison.Ordinal), second.ToString());
        Assert.Empty(harness.HookWrites());
        harness.AssertNoSecret(second.All);
    }

    [Fact]
    public async Task SecondInstall_WhereRossumHidesHookSecrets_StillFindsNothingToChange()
    {
        await using var harness = await HookSetupHarness.StartAsync(rossum: o => o.HookSecretsReadable = false);
        Assert.True((await harness.CoupaAsync(null, harness.Install(ImportTypes))).ExitCode == 0);
        harness.Rossum.Requests.Clear();

        var second = await harness.CoupaAsync(null, harness.Install(ImportTypes));

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(second.Output.Contains("5 unchanged", StringComparison.Ordinal), second.ToString());
        Assert.Empty(harness.HookWrites());
    }

    [Fact]
    public async Task InstallAfterADatasetNameChanged_UpdatesOnlyThatHook_NamingTheField()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        Assert.True((await harness.CoupaAsync(null, harness.Install(ImportTypes))).ExitCode == 0);
        var before = harness.Ours()["import:suppliers"].Fields.DeepClone();
        harness.Rossum.Requests.Clear();

        var run = await harness.CoupaAsync(null, harness.Install([.. ImportTypes, "--dataset", "suppliers=suppliers_prod"]));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Output.Contains("settings.import_config.dataset_name: suppliers → suppliers_prod", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Output.Contains("0 to create, 1 to update, 4 unchanged", StringComparison.Ordinal), run.ToString());
        var write = Assert.Single(harness.HookWrites());
        var suppliers = harness.Ours()["import:suppliers"];
        Assert.Equal($"/api/v1/hooks/{suppliers.Id}", write.Path);
        Assert.Equal("PATCH", write.Method);
        // Only the field that changed is sent; the rest of the settings object stays as it was.
        Assert.Equal(["settings"], JsonNode.Parse(write.Body!)!.AsObject().Select(p => p.Key));
        Assert.Equal("suppliers_prod", (string?)suppliers.Fields["settings"]!["import_config"]!["dataset_name"]);
        Assert.True(JsonNode.DeepEquals(before["settings"]!["import_config"]!["query"], suppliers.Fields["settings"]!["import_config"]!["query"]));
        Assert.True(JsonNode.DeepEquals(before["config"], suppliers.Fields["config"]));
        harness.AssertNoSecret(run.All);
    }

    [Fact]
    public async Task InstallAfterTheCoupaUrlChanged_UpdatesEachHooksCredentialsOnly()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        Assert.True((await harness.CoupaAsync(null, harness.Install(["--types", "suppliers"]))).ExitCode == 0);
        harness.Rossum.Requests.Clear();
        var args = harness.Install(["--types", "suppliers"]);
        args[Array.IndexOf(args, "--coupa-url") + 1] = "https://acme.coupahost.com/";

        var run = await harness.CoupaAsync(null, args);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Output.Contains("settings.credentials.base_api_url", StringComparison.Ordinal), run.ToString());
        Assert.Equal(3, harness.HookWrites().Count);
        Assert.All(harness.Ours().Values, h => Assert.Equal("https://acme.coupahost.com/", (string?)h.Fields["settings"]!["credentials"]!["base_api_url"]));
    }

    [Fact]
    public async Task HooksThatAreNotOurs_WithOurNameOrFunctionUrl_AreNeverTouched_AndOursAreNeverDeleted()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        var server = harness.Webhooks.Server.BaseUrl;
        var sameName = harness.AddForeignHook("Coupa import: Suppliers (CoupaFunctions)", "https://elsewhere.example/import");
        var sameUrl = harness.AddForeignHook("Suppliers by hand", new Uri(server, "api/import/suppliers").ToString());
        var snapshots = new[] { sameName, sameUrl }.ToDictionary(h => h.Id, h => h.Fields.DeepClone());

        var first = await harness.CoupaAsync(null, harness.Install(["--types", "suppliers", "--no-exports"]));
        var second = await harness.CoupaAsync(null, harness.Install(["--types", "purchase_orders", "--no-exports"]));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(first.Output.Contains($"Hook {sameName.Id} 'Coupa import: Suppliers (CoupaFunctions)' has the name of ours but no marker: left alone", StringComparison.Ordinal), first.ToString());
        Assert.True(first.Output.Contains($"Hook {sameUrl.Id} 'Suppliers by hand' is not ours but also calls", StringComparison.Ordinal), first.ToString());
        foreach (var (id, fields) in snapshots)
        {
            Assert.True(JsonNode.DeepEquals(fields, harness.Rossum.Hooks.Find(id, "default")!.Fields), $"hook {id} was changed");
            Assert.DoesNotContain(harness.Rossum.Requests.Snapshot(), r => r.Path.StartsWith($"/api/v1/hooks/{id}", StringComparison.Ordinal));
        }
        // The suppliers hook of ours, no longer chosen, is kept, not deleted; nothing is ever deleted.
        Assert.Equal(["import:purchase_orders", "import:suppliers"], harness.Ours().Keys.Order());
        Assert.True(second.Output.Contains("not chosen in this install", StringComparison.Ordinal), second.ToString());
        Assert.DoesNotContain(harness.Rossum.Requests.Snapshot(), r => r.Method == "DELETE");
        Assert.Equal(4, harness.Hooks.Count);
    }

    [Fact]
    public async Task DryRun_PrintsThePlan_AndWritesNothing()
    {
        await using var harness = await HookSetupHarness.StartAsync();

        var fresh = await harness.CoupaAsync(harness.Environment(signatureSecret: false), harness.Install([.. ImportTypes, "--dry-run"]));

        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.True(fresh.Output.Contains("Plan (dry run)", StringComparison.Ordinal), fresh.ToString());
        Assert.True(fresh.Output.Contains("5 to create", StringComparison.Ordinal), fresh.ToString());
        Assert.True(fresh.Output.Contains("Signature secret: would be made", StringComparison.Ordinal), fresh.ToString());
        Assert.True(fresh.Output.Contains("Dry run: nothing was written.", StringComparison.Ordinal), fresh.ToString());
        Assert.Empty(harness.Hooks);
        Assert.Empty(harness.HookWrites());
        Assert.DoesNotMatch(GeneratedSecret(), fresh.All);

        Assert.True((await harness.CoupaAsync(null, harness.Install(ImportTypes))).ExitCode == 0);
        harness.Rossum.Requests.Clear();
        var change = await harness.CoupaAsync(null, harness.Install([.. ImportTypes, "--dry-run", "--schedule", "suppliers=5 */4 * * *"]));

        Assert.True(change.ExitCode == 0, change.ToString());
        Assert.True(change.Output.Contains("config.schedule.cron: 3 */2 * * * → 5 */4 * * *", StringComparison.Ordinal), change.ToString());
        Assert.Empty(harness.HookWrites());
        harness.AssertNoSecret(fresh.All + change.All);
    }

    [Fact]
    public async Task FirstInstallWithoutASignatureSecret_MakesOne_AndShowsItOnlyOnce()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        var environment = harness.Environment(signatureSecret: false);

        var first = await harness.CoupaAsync(environment, harness.Install(["--types", "suppliers", "--no-exports"]));
        var second = await harness.CoupaAsync(environment, harness.Install(["--types", "suppliers", "--no-exports"]));

        Assert.True(first.ExitCode == 0, first.ToString());
        var secret = harness.Ours()["import:suppliers"].ConfigString("secret")!;
        Assert.Matches(GeneratedSecret(), secret);
        Assert.Single(Regex.Matches(first.All, secret));
        Assert.True(first.Output.Contains("Webhooks__SignatureSecret", StringComparison.Ordinal), first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(second.Output.Contains("1 unchanged", StringComparison.Ordinal), second.ToString());
        Assert.DoesNotContain(secret, second.All);
        harness.AssertNoSecret(first.All + second.All);
    }

    [Fact]
    public async Task Invoke_OfAnImportType_RunsTheImportToTheEnd_AndPrintsTheCounts()
    {
        await using var harness = await HookSetupHarness.StartAsync(sandbox: o => o.Records["suppliers"] = 240);
        Assert.True((await harness.CoupaAsync(null, harness.Install(["--types", "suppliers", "--no-exports"]))).ExitCode == 0);

        var run = await harness.CoupaAsync(null, harness.Invoke("suppliers"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(run.Output.Contains("Rossum answered 202", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Output.Contains("Import into suppliers", StringComparison.Ordinal), run.ToString());
        Assert.Matches(@"suppliers\s*│\s*completed\s*│\s*240\s*│\s*240", run.Output);
        // Written through Rossum's hook token after the 202, which only token_lifetime_s keeps alive.
        Assert.Equal(harness.Webhooks.SandboxIds("suppliers"), harness.Webhooks.StoredIds("suppliers"));
        harness.AssertNoSecret(run.All);
        // The function key is not checked in the server's log: ASP.NET Core's request log (Debug here) prints the URL it
        // was called with; `coupa serve` keeps that category below Warning, and the Functions host masks `code`.
        harness.Webhooks.AssertNoSecretLeaked(harness.ApiToken);
    }

    [Fact]
    public async Task Invoke_WhenTheFunctionRefusesTheCall_NamesTheReason_AndPointsToRossumsLogs()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        var environment = harness.Environment();
        environment["COUPA_WEBHOOK_SECRET"] = "not-the-apps-secret-0d9e";
        Assert.True((await harness.CoupaAsync(environment, harness.Install(["--types", "suppliers", "--no-exports"]))).ExitCode == 0);
        var hook = harness.Ours()["import:suppliers"];

        var run = await harness.CoupaAsync(null, harness.Invoke(hook.Id.ToString()));

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Error.Contains($"coupa: Rossum did not run hook {hook.Id} (HTTP 400): The hook responded with status 401", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Error.Contains("Signature check failed", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Output.Contains("/settings/extensions/logs", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Output.Contains($"hooks/logs?hook={hook.Id}", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Output.Contains("ERROR", StringComparison.Ordinal), run.ToString());
        Assert.DoesNotContain("not-the-apps-secret-0d9e", run.All);
        harness.AssertNoSecret(run.All);
    }

    [Fact]
    public async Task Invoke_WhenTheImportFails_PrintsTheFunctionsReason()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        const string wrongSecret = "wrong-coupa-secret-77aa";
        Assert.True((await harness.CoupaAsync(harness.Environment(clientSecret: wrongSecret), harness.Install(["--types", "suppliers", "--no-exports"]))).ExitCode == 0);

        var run = await harness.CoupaAsync(null, harness.Invoke("suppliers"));

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Error.Contains("coupa: the import into dataset suppliers failed:", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Error.Contains("client id 'sandbox-client'", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Output.Contains("The failure is the function's, not Rossum's", StringComparison.Ordinal), run.ToString());
        Assert.DoesNotContain(wrongSecret, run.All);
        harness.AssertNoSecret(run.All);
    }

    [Fact]
    public async Task Invoke_OfAHookWithoutTheManualEvent_IsRefusedByRossum()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        var hook = harness.AddForeignHook("Export by hand", "https://elsewhere.example/export", ["annotation_content.export"]);

        var run = await harness.CoupaAsync(null, harness.Invoke(hook.Id.ToString()));

        Assert.Equal(1, run.ExitCode);
        Assert.True(run.Error.Contains("does not handle event invocation with action manual", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task BadChoices_ExitTwo_NamingEachProblem_BeforeCallingRossum()
    {
        await using var harness = await HookSetupHarness.StartAsync();

        var run = await harness.CoupaAsync(null, harness.Install(["--types", "suppliers,unicorns", "--schedule", "suppliers=*/5 * * * *", "--dataset", "contracts=x"]));

        Assert.Equal(2, run.ExitCode);
        Assert.True(run.Error.Contains("unknown import type 'unicorns'", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Error.Contains("runs more often than every 10 minutes", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Error.Contains("'contracts' is not among the chosen --types", StringComparison.Ordinal), run.ToString());
        Assert.Empty(harness.Rossum.Requests.Snapshot());
    }

    [Fact]
    public async Task AWrongRossumToken_ExitsTwo_SayingWhatToPass_WithoutTheToken()
    {
        await using var harness = await HookSetupHarness.StartAsync();
        var environment = harness.Environment();
        environment["ROSSUM_API_TOKEN"] = "not-a-rossum-token-31b7";

        var run = await harness.CoupaAsync(environment, harness.Install(["--types", "suppliers"]));

        Assert.Equal(2, run.ExitCode);
        Assert.True(run.Error.Contains("refused the token while listing hooks (401", StringComparison.Ordinal), run.ToString());
        Assert.True(run.Error.Contains("ROSSUM_API_TOKEN", StringComparison.Ordinal), run.ToString());
        Assert.DoesNotContain("not-a-rossum-token-31b7", run.All);
    }
}
