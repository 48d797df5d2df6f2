using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Webhooks;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// The hooks an install wants, from the import catalog and the person's choices: one per import type (events
/// <c>invocation.scheduled</c> + <c>invocation.manual</c>, a staggered schedule, the catalog's settings), the export
/// (<c>annotation_content.export</c>) and the duplicate check (<c>annotation_content.initialize</c>/<c>updated</c>).
/// </summary>
public static partial class DesiredHooks
{
    public const string Suffix = " (CoupaFunctions)";

    /// <summary>The longest Rossum grants (VERIFIED max 7200): an import answers 202 at once and keeps writing with the token.</summary>
    public const int ImportTokenLifetimeSeconds = 7200;

    /// <summary>As long as the token lives, so a run stops (and the next call resumes) before its token would die.</summary>
    public const int ImportMaxRunTimeSeconds = 7200;

    /// <summary>Rossum follows a 202 for at most this long (VERIFIED range 1–3600), then calls again; the call joins the running import.</summary>
    public const int ImportMaxPollingSeconds = 3600;

    public static readonly string[] ImportEvents = ["invocation.scheduled", "invocation.manual"];
    public static readonly string[] ExportEvents = ["annotation_content.export"];
    public static readonly string[] DuplicateCheckEvents = ["annotation_content.initialize", "annotation_content.updated"];

    /// <param name="queueUrls">The export hooks' queues, or null to leave existing hooks' queues alone (new ones get none).</param>
    /// <param name="tokenOwner">The user URL for token_owner; kept in line when <paramref name="tokenOwnerChosen"/>, else only filled in where missing.</param>
    public static IReadOnlyList<DesiredHook> Build(HookInstallRequest request, ImportCatalog catalog, IReadOnlyList<string>? queueUrls, string? tokenOwner, bool tokenOwnerChosen)
    {
        var entries = Choose(request, catalog);
        var hooks = new List<DesiredHook>();
        foreach (var entry in entries)
            hooks.Add(Import(request, entry, tokenOwner, tokenOwnerChosen));
        if (request.IncludeExports)
        {
            hooks.Add(Export(request, HookRole.Export, "Coupa export: invoices and credit notes" + Suffix, ExportEvents, queueUrls, tokenOwner, tokenOwnerChosen));
            hooks.Add(Export(request, HookRole.DuplicateCheck, "Coupa duplicate check" + Suffix, DuplicateCheckEvents, queueUrls, tokenOwner, tokenOwnerChosen));
        }
        return hooks;
    }

    /// <summary>The catalog entries chosen, after checking every choice; all problems are reported at once.</summary>
    public static IReadOnlyList<ImportCatalogEntry> Choose(HookInstallRequest request, ImportCatalog catalog)
    {
        var problems = new List<string>();
        var known = string.Join(", ", catalog.Entries.Select(e => e.Type));
        var chosen = new List<ImportCatalogEntry>();
        foreach (var type in request.Types)
        {
            if (catalog.Find(type) is { } entry) { if (!chosen.Contains(entry)) chosen.Add(entry); }
            else problems.Add($"--types: unknown import type '{type}'");
        }
        if (request.Types.Count == 0) chosen.AddRange(catalog.Entries);

        foreach (var (type, name) in request.Datasets)
        {
            if (catalog.Find(type) is not { } entry) problems.Add($"--dataset: unknown import type '{type}'");
            else if (!chosen.Contains(entry)) problems.Add($"--dataset {type}=…: '{entry.Type}' is not among the chosen --types");
            if (!DatasetName().IsMatch(name)) problems.Add($"--dataset {type}={name}: a dataset name is 1–100 letters, digits, '_', '-' or '.'");
        }
        if (request.DatasetPrefix is { } prefix && !DatasetName().IsMatch(prefix + "x"))
            problems.Add($"--dataset-prefix {prefix}: only letters, digits, '_', '-' and '.'");
        foreach (var (type, cron) in request.Schedules)
        {
            if (catalog.Find(type) is not { } entry) problems.Add($"--schedule: unknown import type '{type}'");
            else if (!chosen.Contains(entry)) problems.Add($"--schedule {type}=…: '{entry.Type}' is not among the chosen --types");
            if (ImportSchedules.Problem(cron) is { } problem) problems.Add($"--schedule {type}=\"{cron}\" {problem}");
        }
        if (problems.Count > 0)
            throw new IntegrationException(FailureKind.BadRequest, string.Join("; ", problems) + $". Known import types: {known}.");
        return chosen;
    }

    public static string DatasetFor(HookInstallRequest request, ImportCatalogEntry entry) =>
        Lookup(request.Datasets, entry.Type) ?? (request.DatasetPrefix ?? "") + entry.DatasetName;

    private static DesiredHook Import(HookInstallRequest request, ImportCatalogEntry entry, string? tokenOwner, bool tokenOwnerChosen)
    {
        var role = HookRole.Import(entry.Type);
        var name = $"Coupa import: {Title(entry.Type)}{Suffix}";
        var cron = Lookup(request.Schedules, entry.Type) ?? ImportSchedules.For(entry.Type);
        var query = new JsonObject { ["fields"] = JsonNode.Parse(entry.DefaultFields), ["order_by"] = "id" };
        if (entry.IncrementalFilter is not null) query[entry.IncrementalFilter] = ImportCatalogEntry.LastModifiedPlaceholder;
        var settings = new JsonObject
        {
            ["credentials"] = Credentials(request, entry.Scope),
            ["import_config"] = new JsonObject
            {
                ["query"] = query,
                ["method"] = entry.Method.ToString().ToLowerInvariant(),
                ["id_keys"] = new JsonArray(entry.IdKeys.Select(k => (JsonNode?)k).ToArray()),
                ["endpoint"] = entry.Endpoint,
                ["dataset_name"] = DatasetFor(request, entry),
                ["records_per_request"] = ImportPlanner.MaxPageSize,
            },
            ["job_run_settings"] = new JsonObject { ["max_run_time_s"] = ImportMaxRunTimeSeconds },
        };
        var config = new JsonObject
        {
            ["url"] = FunctionRoutes.Url(request.FunctionUrl, role, request.FunctionKey),
            ["schedule"] = new JsonObject { ["cron"] = cron },
            // As the CIB import hooks, except polling: our imports run longer than Rossum's default 300 s.
            ["timeout_s"] = 30,
            ["retry_count"] = 4,
            ["max_polling_time_s"] = ImportMaxPollingSeconds,
            ["retry_after_polling_failure"] = true,
            ["retry_on_any_non_2xx"] = false,
            ["payload_logging_enabled"] = false,
            ["insecure_ssl"] = false,
        };
        var body = Body(name, ImportEvents, [], config, settings, tokenOwner);
        body["token_lifetime_s"] = ImportTokenLifetimeSeconds;

        var owned = Common(name, ImportEvents, config, settings, request, tokenOwner, tokenOwnerChosen);
        owned.Add(new OwnedField("settings.import_config.endpoint", entry.Endpoint));
        owned.Add(new OwnedField("settings.import_config.dataset_name", DatasetFor(request, entry)));
        owned.Add(new OwnedField("token_lifetime_s", ImportTokenLifetimeSeconds));
        if (request.ResetSettings || Lookup(request.Schedules, entry.Type) is not null)
            owned.Add(new OwnedField("config.schedule.cron", cron));
        return new DesiredHook(role, name, body, Tidy(owned, request));
    }

    private static DesiredHook Export(HookInstallRequest request, HookRole role, string name, string[] events, IReadOnlyList<string>? queueUrls, string? tokenOwner, bool tokenOwnerChosen)
    {
        var settings = new JsonObject { ["credentials"] = Credentials(request, string.Join(' ', ExportWebhookHandler.InvoiceScopes)) };
        // Both answer synchronously within Export:TimeoutSeconds (25 s); Rossum's default timeout_s is 30.
        var config = new JsonObject
        {
            ["url"] = FunctionRoutes.Url(request.FunctionUrl, role, request.FunctionKey),
            ["timeout_s"] = 30,
            ["payload_logging_enabled"] = false,
            ["insecure_ssl"] = false,
        };
        var body = Body(name, events, queueUrls ?? [], config, settings, tokenOwner);
        var owned = Common(name, events, config, settings, request, tokenOwner, tokenOwnerChosen);
        if (queueUrls is not null)
            owned.Add(new OwnedField("queues", new JsonArray(queueUrls.Select(q => (JsonNode?)q).ToArray()), FieldComparison.ResourceIds));
        return new DesiredHook(role, name, body, Tidy(owned, request));
    }

    private static JsonObject Body(string name, string[] events, IReadOnlyList<string> queues, JsonObject config, JsonObject settings, string? tokenOwner)
    {
        var body = new JsonObject
        {
            ["name"] = name,
            ["type"] = "webhook",
            ["active"] = true,
            ["events"] = Strings(events),
            ["queues"] = Strings(queues),
            ["run_after"] = new JsonArray(),
            ["sideload"] = new JsonArray(),
            ["config"] = config,
            ["settings"] = settings,
            ["secrets_schema"] = SecretsSchema(),
        };
        if (tokenOwner is not null) body["token_owner"] = tokenOwner;
        return body;
    }

    private static List<OwnedField> Common(string name, string[] events, JsonObject config, JsonObject settings, HookInstallRequest request, string? tokenOwner, bool tokenOwnerChosen)
    {
        var owned = new List<OwnedField>
        {
            new("name", name),
            new("events", Strings(events), FieldComparison.Set),
            new("config.url", config["url"]!.DeepClone(), FieldComparison.FunctionUrl),
            new("secrets_schema", SecretsSchema()),
        };
        if (request.ResetSettings) owned.Add(new OwnedField("settings", settings.DeepClone()));
        else
            foreach (var key in new[] { "base_api_url", "client_id", "client_scope" })
                owned.Add(new OwnedField("settings.credentials." + key, settings["credentials"]![key]!.DeepClone()));
        if (tokenOwner is not null)
            // A token owner chosen with --token-owner is kept in line; the default (the token's user) only fills a gap.
            owned.Add(new OwnedField("token_owner", tokenOwner) { FillOnly = !tokenOwnerChosen });
        return owned;
    }

    /// <summary>With the whole <c>settings</c> owned (--reset-settings), paths under it are already covered.</summary>
    private static List<OwnedField> Tidy(List<OwnedField> owned, HookInstallRequest request) =>
        request.ResetSettings ? owned.Where(f => f.Path == "settings" || !f.Path.StartsWith("settings.", StringComparison.Ordinal)).ToList() : owned;

    private static JsonObject Credentials(HookInstallRequest request, string scope) => new()
    {
        ["client_id"] = request.ClientId,
        ["base_api_url"] = request.CoupaUrl,
        ["client_scope"] = scope,
    };

    /// <summary>As the CIB hooks: one string secret, nothing else (our functions never write secrets back).</summary>
    public static JsonObject SecretsSchema() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["client_secret"] = new JsonObject { ["type"] = "string", ["description"] = "Coupa OAuth client secret" },
        },
        ["additionalProperties"] = false,
    };

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());

    private static string? Lookup(IReadOnlyDictionary<string, string> byType, string type) =>
        byType.FirstOrDefault(kv => Normalize(kv.Key) == type).Value;

    private static string Normalize(string type) => type.Trim().Replace('-', '_').ToLowerInvariant();

    /// <summary><c>purchase_order_lines</c> → "Purchase order lines".</summary>
    private static string Title(string type)
    {
        var words = type.Replace('_', ' ');
        return char.ToUpper(words[0], CultureInfo.InvariantCulture) + words[1..];
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,100}$")]
    private static partial Regex DatasetName();
}
