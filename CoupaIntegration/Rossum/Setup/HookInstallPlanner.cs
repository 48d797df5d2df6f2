using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.Api.Wire;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// Compares the hooks an install wants with the organisation's hooks and says, per hook of ours, create, update
/// (with the fields that differ) or unchanged. Ours are found by their marker only (<see cref="HookMarker"/>); a hook
/// without it is never in the plan, whatever its name or URL, and the plan has no way to delete anything.
/// </summary>
public static class HookInstallPlanner
{
    /// <param name="signatureSecret">The secret every hook must sign with, or null when it is not known (then no hook may be created or have its config rewritten).</param>
    /// <param name="clientSecret">The Coupa client secret to put into each hook's secrets, or null to leave them as they are.</param>
    public static HookInstallPlan Plan(IReadOnlyList<DesiredHook> desired, IReadOnlyList<RossumHook> existing, Secret? signatureSecret, Secret? clientSecret)
    {
        var ours = existing.Where(h => HookMarker.RoleOf(h) is not null)
            .GroupBy(h => HookMarker.RoleOf(h)!.Key)
            .ToDictionary(g => g.Key, g => g.OrderBy(h => h.Id).ToList());
        var items = new List<HookPlanItem>();
        foreach (var hook in desired)
        {
            if (!ours.TryGetValue(hook.Role.Key, out var matches))
            {
                items.Add(Create(hook, signatureSecret, clientSecret));
                continue;
            }
            items.Add(Compare(hook, matches[0], signatureSecret, clientSecret));
            items.AddRange(matches.Skip(1).Select(d => new HookPlanItem(HookPlanAction.Keep, hook.Role, d.Name ?? "", d.Id, [],
                $"carries the same marker as hook {matches[0].Id} (a copy?): left as it is")));
        }
        var wanted = desired.Select(d => d.Role.Key).ToHashSet();
        foreach (var (key, hooks) in ours.Where(o => !wanted.Contains(o.Key)))
            items.AddRange(hooks.Select(h => new HookPlanItem(HookPlanAction.Keep, HookRole.Parse(key)!, h.Name ?? "", h.Id, [],
                "not chosen in this install: left as it is (delete it in Rossum if it is no longer wanted)")));
        return new HookInstallPlan(items, Notes(desired, existing));
    }

    private static HookPlanItem Create(DesiredHook hook, Secret? signatureSecret, Secret? clientSecret)
    {
        var body = hook.CreateBody.DeepClone().AsObject();
        if (signatureSecret is not null) body["config"]!["secret"] = signatureSecret.Reveal();
        if (clientSecret is not null) body["secrets"] = new JsonObject { ["client_secret"] = clientSecret.Reveal() };
        body["metadata"] = HookMarker.Write(null, hook.Role,
            signatureSecret is null ? null : SecretFingerprint.Create(signatureSecret),
            clientSecret is null ? null : SecretFingerprint.Create(clientSecret));
        // Where it points, then when it runs and what it writes (imports) or what it listens to (exports).
        var details = new List<string>();
        if (hook.CreateBody["config"]?["schedule"]?["cron"] is JsonValue cron) details.Add("cron " + cron);
        else details.Add(string.Join(", ", hook.CreateBody["events"]!.AsArray().Select(e => (string?)e)));
        if (hook.CreateBody["settings"]?["import_config"]?["dataset_name"] is JsonValue dataset) details.Add("dataset " + dataset);
        if (hook.CreateBody["queues"] is JsonArray queues && hook.Role.Kind != HookKind.Import)
            details.Add(queues.Count == 0 ? "no queue yet (pass --queue)" : $"{queues.Count} queue(s)");
        if (clientSecret is null) details.Add("no client secret (Key Vault fallback)");
        return new HookPlanItem(HookPlanAction.Create, hook.Role, hook.Name, null, [],
            FunctionRoutes.Mask((string?)hook.CreateBody["config"]!["url"]) + "\n" + string.Join("; ", details), body,
            signatureSecret is null ? $"creating '{hook.Name}' needs the webhook signature secret" : null);
    }

    private static HookPlanItem Compare(DesiredHook hook, RossumHook current, Secret? signatureSecret, Secret? clientSecret)
    {
        var changes = new List<FieldChange>();
        var changedTopLevel = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in hook.Owned)
        {
            var before = HookPaths.Get(current, field.Path);
            if (!Differs(field, before)) continue;
            changes.Add(new FieldChange(field.Path, Show(before, field.Comparison), Show(field.Value, field.Comparison)));
            changedTopLevel.Add(field.TopLevel);
        }

        var signatureFingerprint = HookMarker.Fingerprint(current, HookMarker.SignatureSecretKey);
        var clientFingerprint = HookMarker.Fingerprint(current, HookMarker.ClientSecretKey);
        var readableSecret = ReadableSecret(current);
        if (signatureSecret is not null)
        {
            var differs = readableSecret is not null ? readableSecret != signatureSecret.Reveal() : !SecretFingerprint.Matches(signatureFingerprint, signatureSecret);
            if (differs)
            {
                changes.Add(new FieldChange("config.secret", readableSecret is null && signatureFingerprint is null ? "(not known)" : "(another secret)", "(the signature secret)"));
                changedTopLevel.Add("config");
            }
            if (differs || !SecretFingerprint.Matches(signatureFingerprint, signatureSecret))
            {
                signatureFingerprint = SecretFingerprint.Create(signatureSecret);
                changedTopLevel.Add("metadata");
                if (!differs) changes.Add(new FieldChange("metadata." + HookMarker.MetadataKey, "(no fingerprint)", "(fingerprint of the signature secret)"));
            }
        }
        var setClientSecret = clientSecret is not null && !SecretFingerprint.Matches(clientFingerprint, clientSecret);
        if (setClientSecret)
        {
            changes.Add(new FieldChange("secrets.client_secret", clientFingerprint is null ? "(not known)" : "(another secret)", "(the given client secret)"));
            clientFingerprint = SecretFingerprint.Create(clientSecret!);
            changedTopLevel.Add("secrets");
            changedTopLevel.Add("metadata");
        }
        if (changes.Count == 0)
            return new HookPlanItem(HookPlanAction.Unchanged, hook.Role, current.Name ?? hook.Name, current.Id, []);

        var request = new JsonObject();
        string? problem = null;
        foreach (var top in changedTopLevel)
        {
            switch (top)
            {
                case "secrets":
                    request["secrets"] = new JsonObject { ["client_secret"] = clientSecret!.Reveal() };
                    break;
                case "metadata":
                    request["metadata"] = HookMarker.Write(current.Metadata, hook.Role, signatureFingerprint, clientFingerprint);
                    break;
                default:
                    request[top] = Merge(top, hook, current);
                    break;
            }
        }
        // A config sent without its secret could leave the hook unsigned (whether PATCH merges config is not
        // documented), so a rewritten config always carries one: ours, or the one the hook showed us.
        if (request["config"] is JsonObject config)
        {
            if (signatureSecret is not null) config["secret"] = signatureSecret.Reveal();
            else if (readableSecret is not null) config["secret"] = readableSecret;
            else if (ConfigHadSecret(current)) problem = $"changing the config of hook {current.Id} needs the webhook signature secret";
        }
        return new HookPlanItem(HookPlanAction.Update, hook.Role, current.Name ?? hook.Name, current.Id, changes, null, request, problem);
    }

    /// <summary>
    /// Whether the hook may have a secret we cannot see: Rossum may hide config.secret, so a hook whose marker has
    /// a signature fingerprint, or whose config lacks the key, is assumed to have one.
    /// </summary>
    private static bool ConfigHadSecret(RossumHook hook) =>
        HookMarker.Fingerprint(hook, HookMarker.SignatureSecretKey) is not null || hook.Config?.ContainsKey("secret") is not true;

    /// <summary>The top-level field to send: the current value with every owned path under it set (an object is replaced whole).</summary>
    private static JsonNode? Merge(string top, DesiredHook hook, RossumHook current)
    {
        var fields = hook.Owned.Where(f => f.TopLevel == top).ToList();
        if (fields.FirstOrDefault(f => f.Path == top) is { } whole) return whole.Value?.DeepClone();
        var merged = current.Field(top)?.DeepClone() as JsonObject ?? new JsonObject();
        foreach (var field in fields)
        {
            if (field.FillOnly && !IsMissing(HookPaths.Get(current, field.Path))) continue;
            HookPaths.Set(merged, field.Path[(top.Length + 1)..], field.Value?.DeepClone());
        }
        return merged;
    }

    private static bool Differs(OwnedField field, JsonNode? current)
    {
        if (field.FillOnly) return IsMissing(current);
        return field.Comparison switch
        {
            FieldComparison.Set => !Strings(current).ToHashSet().SetEquals(Strings(field.Value)),
            FieldComparison.ResourceIds => !Strings(current).Select(ResourceId).ToHashSet().SetEquals(Strings(field.Value).Select(ResourceId)),
            _ => !JsonNode.DeepEquals(Normalize(current), Normalize(field.Value)),
        };
    }

    private static bool IsMissing(JsonNode? value) => value is null || value.GetValueKind() == System.Text.Json.JsonValueKind.Null;

    private static JsonNode? Normalize(JsonNode? value) => IsMissing(value) ? null : value;

    private static IEnumerable<string> Strings(JsonNode? value) =>
        value is JsonArray array ? array.Select(v => v?.ToString() ?? "") : [];

    /// <summary>A queue URL <c>…/queues/123</c> and the id 123 name the same queue.</summary>
    public static string ResourceId(string urlOrId) => urlOrId.TrimEnd('/').Split('/')[^1];

    /// <summary>config.secret as GET showed it, unless absent, empty or masked.</summary>
    private static string? ReadableSecret(RossumHook hook) =>
        hook.Config?["secret"] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 && text.Any(c => c != '*') ? text : null;

    private static string Show(JsonNode? value, FieldComparison comparison)
    {
        if (IsMissing(value)) return "(none)";
        var text = comparison switch
        {
            FieldComparison.FunctionUrl => FunctionRoutes.Mask(value!.ToString()),
            FieldComparison.Set or FieldComparison.ResourceIds => string.Join(", ", Strings(value).Select(s => comparison == FieldComparison.ResourceIds ? ResourceId(s) : s)),
            _ => value is JsonValue ? value.ToString() : value!.ToJsonString(),
        };
        return text.Length <= 70 ? text : text[..67] + "…";
    }

    private static List<string> Notes(IReadOnlyList<DesiredHook> desired, IReadOnlyList<RossumHook> existing)
    {
        var notes = new List<string>();
        foreach (var hook in existing.Where(h => HookMarker.RoleOf(h) is null))
        {
            var url = hook.Config?["url"] is JsonValue u && u.TryGetValue<string>(out var text) ? FunctionRoutes.WithoutQuery(text) : null;
            if (url is not null && desired.FirstOrDefault(d => string.Equals(d.FunctionUrl, url, StringComparison.OrdinalIgnoreCase)) is { } same)
                notes.Add($"Hook {hook.Id} '{hook.Name}' is not ours but also calls {FunctionRoutes.Mask(url)} ({same.Role.Label}): left alone. If ours replaces it, deactivate it in Rossum, or it runs twice.");
            else if (desired.FirstOrDefault(d => string.Equals(d.Name, hook.Name, StringComparison.OrdinalIgnoreCase)) is { } named)
                notes.Add($"Hook {hook.Id} '{hook.Name}' has the name of ours but no marker: left alone; ours is {(named.Role.Kind == HookKind.Import ? "the one for " + named.Role.Label : named.Role.Label)}.");
        }
        return notes;
    }
}
