using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Api;
using CoupaIntegration.Rossum.Api.Wire;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// `coupa rossum install`: reads the organisation's hooks, works out the signature secret, token owner and queues,
/// plans (<see cref="HookInstallPlanner"/>), and applies the plan: creates and partial updates only, one hook at a
/// time, each logged by id. There is no delete.
/// </summary>
public sealed class HookInstaller(RossumApiFactory rossum, ImportCatalog catalog, SignatureSecretStore keyVault, ILogger<HookInstaller> logger)
{
    public async Task<HookInstallPreview> PlanAsync(HookInstallRequest request, CancellationToken cancellationToken)
    {
        // Bad choices fail before anything is read.
        DesiredHooks.Choose(request, catalog);
        var client = rossum.Create(request.RossumUrl, request.RossumToken, request.Redactor());
        var existing = await client.ListHooksAsync(cancellationToken);
        var queues = request.Queues is null ? null : await ResolveQueuesAsync(client, request.Queues, cancellationToken);
        var signature = await ChooseSignatureSecretAsync(request, existing, cancellationToken);
        var (tokenOwner, chosen) = await ChooseTokenOwnerAsync(request, client, existing, cancellationToken);
        var desired = DesiredHooks.Build(request, catalog, queues, tokenOwner, chosen);
        var plan = HookInstallPlanner.Plan(desired, existing, signature.Value, request.ClientSecret);
        return new HookInstallPreview(plan, signature, client, request);
    }

    /// <summary>Applies a plan; stops at the first refusal (hooks already written stay, and the next install carries on).</summary>
    public async Task<IReadOnlyList<HookPlanItem>> ApplyAsync(HookInstallPreview preview, IProgress<HookPlanItem>? progress, CancellationToken cancellationToken)
    {
        if (preview.Problems.Count > 0)
            throw new IntegrationException(FailureKind.Configuration, preview.ProblemMessage);
        if (preview.Signature.MustBeStored)
            await keyVault.SetAsync(preview.Request.KeyVaultUri!, preview.Signature.Value!, cancellationToken);
        var done = new List<HookPlanItem>();
        foreach (var item in preview.Plan.Items)
        {
            var applied = item;
            if (item.Action == HookPlanAction.Create)
            {
                var hook = await preview.Client.CreateHookAsync(item.Request!, cancellationToken);
                applied = item with { HookId = hook.Id };
                logger.LogInformation("Created hook {HookId} {HookName} for {Role}", hook.Id, item.Name, item.Role.Key);
            }
            else if (item.Action == HookPlanAction.Update)
            {
                await preview.Client.UpdateHookAsync(item.HookId!.Value, item.Request!, cancellationToken);
                logger.LogInformation("Updated hook {HookId} {HookName}: {Fields}", item.HookId, item.Name, string.Join(", ", item.Changes.Select(c => c.Path)));
            }
            done.Add(applied);
            progress?.Report(applied);
        }
        return done;
    }

    private async Task<SignatureSecretChoice> ChooseSignatureSecretAsync(HookInstallRequest request, IReadOnlyList<RossumHook> existing, CancellationToken cancellationToken)
    {
        if (request.KeyVaultUri is { } vault)
        {
            if (!request.RotateSignatureSecret && await keyVault.GetAsync(vault, cancellationToken) is { } stored)
                return new(stored, SignatureSecretSource.KeyVault);
            return new(SignatureSecretChoice.New(), SignatureSecretSource.KeyVaultNew);
        }
        if (request.RotateSignatureSecret) return new(SignatureSecretChoice.New(), SignatureSecretSource.Generated);
        if (request.SignatureSecret is { IsEmpty: false } given) return new(given, SignatureSecretSource.Given);

        var ours = existing.Where(h => HookMarker.RoleOf(h) is not null).ToList();
        var shown = ours.Select(h => h.Config?["secret"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 && s.Any(c => c != '*') ? s : null)
            .Where(s => s is not null).GroupBy(s => s!).OrderByDescending(g => g.Count()).ToList();
        if (shown.Count > 0)
        {
            if (shown.Count > 1) logger.LogWarning("Our hooks sign with {Count} different secrets; all are set to the most common one", shown.Count);
            return new(new Secret(shown[0].Key), SignatureSecretSource.ExistingHooks);
        }
        // First install: nobody has a secret yet, so one is made and shown once.
        return ours.Count == 0 ? new(SignatureSecretChoice.New(), SignatureSecretSource.Generated) : new(null, SignatureSecretSource.Unknown);
    }

    private async Task<(string? Url, bool Chosen)> ChooseTokenOwnerAsync(HookInstallRequest request, RossumApiClient client, IReadOnlyList<RossumHook> existing, CancellationToken cancellationToken)
    {
        if (request.TokenOwner is { Length: > 0 } owner)
            return (long.TryParse(owner, out var id) ? $"{client.ApiRoot.ToString().TrimEnd('/')}/users/{id}" : owner, true);
        // The token's user is asked for only when a hook needs an owner: a new one, or one of ours without.
        var ours = existing.Where(h => HookMarker.RoleOf(h) is not null).GroupBy(h => HookMarker.RoleOf(h)!.Key).ToDictionary(g => g.Key, g => g.MinBy(h => h.Id)!);
        var wanted = DesiredHooks.Choose(request, catalog).Select(e => HookRole.Import(e.Type).Key)
            .Concat(request.IncludeExports ? [HookRole.Export.Key, HookRole.DuplicateCheck.Key] : []);
        if (wanted.All(key => ours.TryGetValue(key, out var hook) && !string.IsNullOrEmpty(hook.TokenOwner))) return (null, false);
        var user = await client.GetCurrentUserAsync(cancellationToken);
        return (user.Url ?? $"{client.ApiRoot.ToString().TrimEnd('/')}/users/{user.Id}", false);
    }

    private static async Task<IReadOnlyList<string>> ResolveQueuesAsync(RossumApiClient client, IReadOnlyList<string> wanted, CancellationToken cancellationToken)
    {
        var queues = await client.ListQueuesAsync(cancellationToken);
        var urls = new List<string>();
        var missing = new List<string>();
        foreach (var queue in wanted)
        {
            var id = HookInstallPlanner.ResourceId(queue);
            var found = queues.FirstOrDefault(q => q.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == id);
            if (found is null) missing.Add(queue);
            else urls.Add(found.Url ?? $"{client.ApiRoot.ToString().TrimEnd('/')}/queues/{found.Id}");
        }
        if (missing.Count > 0)
            throw new IntegrationException(FailureKind.BadRequest,
                $"--queue: no queue {string.Join(", ", missing)} in {client.Organisation}. Its queues: " +
                (queues.Count == 0 ? "none" : string.Join(", ", queues.Take(20).Select(q => $"{q.Id} '{q.Name}'"))) + ".");
        return urls.Distinct().ToList();
    }
}

/// <summary>A plan ready to show or apply, with the client and secret choice it was made with.</summary>
public sealed record HookInstallPreview(HookInstallPlan Plan, SignatureSecretChoice Signature, RossumApiClient Client, HookInstallRequest Request)
{
    public IReadOnlyList<string> Problems => Plan.Items.Where(i => i.Problem is not null).Select(i => i.Problem!).ToList();

    public string ProblemMessage => string.Join("; ", Problems) +
        ". Rossum does not show the secret our hooks sign with, and none was given: pass --signature-secret (or COUPA_WEBHOOK_SECRET) " +
        "with the Function App's Webhooks__SignatureSecret, or --key-vault-uri, or --rotate-signature-secret to give every hook a new one.";
}
