using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Api.Wire;
using CoupaIntegration.Rossum.Setup;

namespace CoupaFunctions.Tests.Rossum.Setup;

/// <summary>The planner alone: desired hooks against existing ones, with no HTTP in between.</summary>
public sealed class HookInstallPlannerTests
{
    private static readonly Secret SignatureSecret = new("signature-secret-for-tests");
    private static readonly Secret ClientSecret = new("coupa-client-secret-for-tests");
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private const string Owner = "https://acme.rossum.app/api/v1/users/7";

    private static HookInstallRequest Request(params string[] types) => new()
    {
        RossumUrl = new Uri("https://acme.rossum.app"),
        RossumToken = new Secret("rossum-token-for-tests"),
        FunctionUrl = new Uri("https://acme-coupa.azurewebsites.net/"),
        FunctionKey = new Secret("function-key-for-tests"),
        CoupaUrl = "https://acme.coupahost.com/",
        ClientId = "acme-client",
        Types = types,
    };

    private static IReadOnlyList<DesiredHook> Desired(HookInstallRequest request, IReadOnlyList<string>? queues = null) =>
        DesiredHooks.Build(request, ImportCatalog.Default, queues, Owner, tokenOwnerChosen: false);

    /// <summary>What Rossum would list after the plan's creates: each create body as a stored hook.</summary>
    private static List<RossumHook> Created(HookInstallPlan plan) => plan.Items.Select((item, i) => AsHook(item.Request!, 100 + i)).ToList();

    private static RossumHook AsHook(JsonObject body, long id)
    {
        var stored = body.DeepClone().AsObject();
        stored.Remove("secrets");
        stored["id"] = id;
        return stored.Deserialize<RossumHook>(Wire)!;
    }

    [Fact]
    public void NothingInstalled_PlansACreatePerHook_WithMarkerSecretsAndFingerprints()
    {
        var plan = HookInstallPlanner.Plan(Desired(Request("suppliers")), [], SignatureSecret, ClientSecret);

        Assert.Equal(["import:suppliers", "export:invoice", "export:duplicate_check"], plan.Items.Select(i => i.Role.Key));
        Assert.All(plan.Items, item =>
        {
            Assert.Equal(HookPlanAction.Create, item.Action);
            var body = item.Request!;
            Assert.Equal(SignatureSecret.Reveal(), (string?)body["config"]!["secret"]);
            Assert.Equal(ClientSecret.Reveal(), (string?)body["secrets"]!["client_secret"]);
            var marker = body["metadata"]!["coupa_functions"]!;
            Assert.Equal(item.Role.Key, (string?)marker["role"]);
            Assert.True(SecretFingerprint.Matches((string?)marker["signature_secret_fingerprint"], SignatureSecret));
            Assert.True(SecretFingerprint.Matches((string?)marker["client_secret_fingerprint"], ClientSecret));
            Assert.DoesNotContain(SignatureSecret.Reveal(), (string)marker["signature_secret_fingerprint"]!);
            // What a person sees of a create names no secret.
            Assert.DoesNotContain("function-key-for-tests", item.Details);
        });
    }

    [Fact]
    public void HooksAsPlanned_AreUnchanged_EvenWhenRossumShowsNoSecrets()
    {
        var desired = Desired(Request("suppliers", "currencies"));
        var created = Created(HookInstallPlanner.Plan(desired, [], SignatureSecret, ClientSecret));
        var hidden = created.Select(h => h with { Config = WithoutSecret(h.Config!) }).ToList();

        Assert.All(HookInstallPlanner.Plan(desired, created, SignatureSecret, ClientSecret).Items, i => Assert.Equal(HookPlanAction.Unchanged, i.Action));
        Assert.All(HookInstallPlanner.Plan(desired, hidden, SignatureSecret, ClientSecret).Items, i => Assert.Equal(HookPlanAction.Unchanged, i.Action));
        // Without the secrets at hand there is nothing to compare them with: unchanged too.
        Assert.All(HookInstallPlanner.Plan(desired, hidden, null, null).Items, i => Assert.Equal(HookPlanAction.Unchanged, i.Action));
    }

    [Fact]
    public void ANewClientSecret_UpdatesSecretsAndTheFingerprintOnly()
    {
        var desired = Desired(Request("suppliers") with { IncludeExports = false });
        var created = Created(HookInstallPlanner.Plan(desired, [], SignatureSecret, ClientSecret));

        var item = Assert.Single(HookInstallPlanner.Plan(desired, created, SignatureSecret, new Secret("a-new-client-secret-22")).Items);

        Assert.Equal(HookPlanAction.Update, item.Action);
        Assert.Equal(["secrets.client_secret"], item.Changes.Select(c => c.Path));
        Assert.Equal(["metadata", "secrets"], item.Request!.Select(p => p.Key).Order());
        Assert.Equal("a-new-client-secret-22", (string?)item.Request!["secrets"]!["client_secret"]);
        Assert.Equal("import:suppliers", (string?)item.Request!["metadata"]!["coupa_functions"]!["role"]);
    }

    [Fact]
    public void EditsMadeInRossum_ToTheScheduleOrQuery_Survive_ButOwnedFieldsAreSetBack()
    {
        var desired = Desired(Request("suppliers") with { IncludeExports = false });
        var hook = Created(HookInstallPlanner.Plan(desired, [], SignatureSecret, null))[0];
        var config = hook.Config!.DeepClone().AsObject();
        config["schedule"]!["cron"] = "0 5 * * *";
        config["url"] = "https://old-app.azurewebsites.net/api/import/suppliers?code=old-key-123";
        var settings = hook.Settings!.DeepClone().AsObject();
        settings["import_config"]!["query"]!["status[in]"] = "active";
        var edited = hook with { Config = config, Settings = settings };

        var item = Assert.Single(HookInstallPlanner.Plan(desired, [edited], SignatureSecret, null).Items);

        var change = Assert.Single(item.Changes);
        Assert.Equal("config.url", change.Path);
        Assert.Equal("https://old-app.azurewebsites.net/api/import/suppliers?code=***", change.Before);
        Assert.Equal("https://acme-coupa.azurewebsites.net/api/import/suppliers?code=***", change.After);
        // The whole config goes back (an object is replaced whole), keeping the tuned schedule and signed as before.
        Assert.Equal("0 5 * * *", (string?)item.Request!["config"]!["schedule"]!["cron"]);
        Assert.Equal(SignatureSecret.Reveal(), (string?)item.Request["config"]!["secret"]);
        Assert.Equal(["config"], item.Request.Select(p => p.Key));

        // --reset-settings and --schedule own those too.
        var reset = Desired(Request("suppliers") with { IncludeExports = false, ResetSettings = true });
        var resetItem = Assert.Single(HookInstallPlanner.Plan(reset, [edited], SignatureSecret, null).Items);
        Assert.Equal(["config.schedule.cron", "config.url", "settings"], resetItem.Changes.Select(c => c.Path).Order());
    }

    [Fact]
    public void Queues_AreComparedById_AndATokenOwnerIsOnlyFilledWhereMissing()
    {
        var desired = Desired(Request("suppliers") with { Types = ["suppliers"] }, ["https://acme.rossum.app/api/v1/queues/42"]);
        var created = Created(HookInstallPlanner.Plan(desired, [], SignatureSecret, null));
        var export = created.Single(h => HookMarker.RoleOf(h) == HookRole.Export);
        var byId = export with { Queues = ["42"], TokenOwner = null };
        var otherOwner = export with { TokenOwner = "https://acme.rossum.app/api/v1/users/99" };

        var fill = HookInstallPlanner.Plan(desired, [.. created.Where(h => h != export), byId], SignatureSecret, null).Items.Single(i => i.Role == HookRole.Export);
        var keep = HookInstallPlanner.Plan(desired, [.. created.Where(h => h != export), otherOwner], SignatureSecret, null).Items.Single(i => i.Role == HookRole.Export);

        Assert.Equal(["token_owner"], fill.Changes.Select(c => c.Path));
        Assert.Equal(HookPlanAction.Unchanged, keep.Action);
    }

    [Fact]
    public void ForeignHooksAndCopiesOfOurs_AreNeverPlannedForWriting()
    {
        var desired = Desired(Request("suppliers") with { IncludeExports = false });
        var ours = Created(HookInstallPlanner.Plan(desired, [], SignatureSecret, null))[0];
        var copy = ours with { Id = ours.Id + 1 };
        var foreign = ours with { Id = 900, Metadata = new JsonObject(), Config = new JsonObject { ["url"] = ours.Config!["url"]!.DeepClone() } };

        var plan = HookInstallPlanner.Plan(desired, [foreign, ours, copy], SignatureSecret, null);

        Assert.Equal([(HookPlanAction.Unchanged, ours.Id), (HookPlanAction.Keep, copy.Id)], plan.Items.Select(i => (i.Action, i.HookId!.Value)));
        var note = Assert.Single(plan.Notes);
        Assert.StartsWith("Hook 900 'Coupa import: Suppliers (CoupaFunctions)' is not ours but also calls https://acme-coupa.azurewebsites.net/api/import/suppliers", note);
        Assert.DoesNotContain("function-key-for-tests", note);
    }

    [Fact]
    public void TheCatalogsHookSettings_AreAcceptedByTheImportSettingsParser_ForEveryType()
    {
        foreach (var hook in Desired(Request()).Where(h => h.Role.Kind == HookKind.Import))
        {
            var settings = ImportSettingsParser.Parse(hook.CreateBody["settings"]!.ToJsonString());
            var plan = ImportPlanner.Resolve(ImportCatalog.Default.Get(hook.Role.ImportType!), settings, ClientSecret);
            Assert.Equal(ImportCatalog.Default.Get(hook.Role.ImportType!).DatasetName, plan.DatasetName);
            Assert.Null(ImportSchedules.Problem((string)hook.CreateBody["config"]!["schedule"]!["cron"]!));
        }
    }

    private static JsonObject WithoutSecret(JsonObject config)
    {
        var copy = config.DeepClone().AsObject();
        copy.Remove("secret");
        return copy;
    }
}
