using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using RossumFake.DataStorage;

namespace RossumFake.Hooks;

/// <summary>
/// The hooks part of the Rossum API: list (paginated), create, get, partial update, invoke, call logs; plus queues
/// and the token's user. Secrets are write-only; whether <c>config.secret</c> shows on GET follows
/// <see cref="RossumFakeOptions.HookSecretsReadable"/>. A PATCH replaces each field it sends whole.
/// </summary>
public static class HookRoutes
{
    public static void Map(WebApplication app, FakeHooks hooks, FakeHookInvoker invoker, RossumFakeOptions options)
    {
        app.MapGet("/api/v1/hooks", (HttpContext http) =>
            Page(http, hooks.All(Organisation(http)), h => Show(h, http, options), options.MaxPageSize));

        app.MapGet("/api/v1/hooks/{id:long}", (HttpContext http, long id) =>
            hooks.Find(id, Organisation(http)) is { } hook ? Json(200, Show(hook, http, options)) : NotFound());

        app.MapPost("/api/v1/hooks", async (HttpContext http) =>
        {
            var organisation = Organisation(http);
            if (await ReadAsync(http) is not { } fields) return Json(400, new JsonObject { ["detail"] = "JSON parse error." });
            var secrets = Take(fields, "secrets");
            fields.Remove("id");
            fields.Remove("url");
            if ((FakeHookValidator.Problems(fields, partial: false, organisation, hooks) ?? FakeHookValidator.SecretProblems(secrets, fields["secrets_schema"] as JsonObject)) is { } problems)
                return Json(400, problems);
            foreach (var (key, value) in Defaults()) if (!fields.ContainsKey(key)) fields[key] = value;
            if (fields["config"] is JsonObject config && !config.ContainsKey("secret")) config["secret"] = null;
            return Json(201, Show(hooks.Add(fields, secrets, organisation), http, options));
        });

        app.MapPatch("/api/v1/hooks/{id:long}", async (HttpContext http, long id) =>
        {
            var organisation = Organisation(http);
            if (hooks.Find(id, organisation) is not { } hook) return NotFound();
            if (await ReadAsync(http) is not { } changes) return Json(400, new JsonObject { ["detail"] = "JSON parse error." });
            var secrets = Take(changes, "secrets");
            changes.Remove("id");
            changes.Remove("url");
            var schema = changes.ContainsKey("secrets_schema") ? changes["secrets_schema"] as JsonObject : hook.Fields["secrets_schema"] as JsonObject;
            if ((FakeHookValidator.Problems(changes, partial: true, organisation, hooks) ?? FakeHookValidator.SecretProblems(secrets, schema)) is { } problems)
                return Json(400, problems);
            lock (hook)
            {
                var fields = hook.Fields.DeepClone().AsObject();
                foreach (var (key, value) in changes) fields[key] = value?.DeepClone();
                hook.Fields = fields;
                if (secrets is not null) hook.Secrets = secrets;
            }
            return Json(200, Show(hook, http, options));
        });

        app.MapPost("/api/v1/hooks/{id:long}/invoke", async (HttpContext http, long id) =>
        {
            var organisation = Organisation(http);
            if (hooks.Find(id, organisation) is not { } hook) return NotFound();
            // The CIB docs invoke with an empty body (--data ''); a JSON object's keys join the payload.
            var extra = http.Request.ContentLength is 0 ? new JsonObject() : await ReadAsync(http);
            if (extra is null) return Json(400, new JsonObject { ["detail"] = "JSON parse error." });
            var (status, body) = await invoker.InvokeAsync(hook, extra, BaseUrl(http), http.RequestAborted);
            return Json(status, body);
        });

        app.MapGet("/api/v1/hooks/logs", (HttpContext http, long? hook) =>
        {
            var size = Math.Clamp(Int(http, "page_size") ?? 100, 1, 100);
            var rows = hooks.Logs(Organisation(http), hook).Take(size).Select(l => (JsonNode)new JsonObject
            {
                ["timestamp"] = l.Timestamp.ToString("O"),
                ["request_id"] = l.RequestId,
                ["event"] = l.Event,
                ["action"] = l.Action,
                ["hook_id"] = l.HookId,
                ["hook_type"] = "webhook",
                ["log_level"] = l.LogLevel,
                ["message"] = l.Message,
                ["status"] = l.Status,
                ["status_code"] = l.StatusCode,
                ["uuid"] = Guid.NewGuid().ToString(),
            }).ToArray();
            return Json(200, new JsonObject { ["pagination"] = new JsonObject { ["next"] = null }, ["results"] = new JsonArray(rows) });
        });

        app.MapGet("/api/v1/queues", (HttpContext http) =>
            Page(http, hooks.Queues(Organisation(http)), q => new JsonObject
            {
                ["id"] = q.Id,
                ["url"] = new Uri(BaseUrl(http), $"api/v1/queues/{q.Id}").ToString(),
                ["name"] = q.Name,
            }, options.MaxPageSize));

        app.MapGet("/api/v1/auth/user", (HttpContext http) =>
        {
            var id = hooks.UserId(Organisation(http));
            return Json(200, new JsonObject { ["id"] = id, ["url"] = new Uri(BaseUrl(http), $"api/v1/users/{id}").ToString(), ["username"] = "admin@" + Organisation(http) });
        });
    }

    private static JsonObject Show(FakeHook hook, HttpContext http, RossumFakeOptions options)
    {
        var json = new JsonObject { ["id"] = hook.Id, ["url"] = new Uri(BaseUrl(http), $"api/v1/hooks/{hook.Id}").ToString() };
        foreach (var (key, value) in hook.Fields) json[key] = value?.DeepClone();
        if (!options.HookSecretsReadable && json["config"] is JsonObject config) config.Remove("secret");
        return json;
    }

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Defaults() =>
    [
        new("type", "webhook"), new("active", true), new("queues", new JsonArray()), new("run_after", new JsonArray()),
        new("sideload", new JsonArray()), new("metadata", new JsonObject()), new("settings", new JsonObject()),
        new("settings_schema", null), new("secrets_schema", null), new("token_owner", null), new("token_lifetime_s", null),
        new("description", ""), new("extension_source", "custom"),
    ];

    /// <summary>Rossum's list shape; <c>next</c> is the absolute link to the following page with the same query.</summary>
    private static IResult Page<T>(HttpContext http, IReadOnlyList<T> items, Func<T, JsonNode> show, int maxPageSize)
    {
        var size = Math.Clamp(Int(http, "page_size") ?? 20, 1, maxPageSize);
        var page = Math.Max(1, Int(http, "page") ?? 1);
        var pages = Math.Max(1, (items.Count + size - 1) / size);
        string? Link(int number)
        {
            if (number < 1 || number > pages) return null;
            var query = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            query["page"] = number.ToString(CultureInfo.InvariantCulture);
            query["page_size"] = size.ToString(CultureInfo.InvariantCulture);
            return UriHelper.BuildAbsolute(http.Request.Scheme, http.Request.Host, http.Request.PathBase, http.Request.Path, QueryString.Create(query));
        }
        return Json(200, new JsonObject
        {
            ["pagination"] = new JsonObject { ["total"] = items.Count, ["total_pages"] = pages, ["next"] = Link(page + 1), ["previous"] = Link(page - 1) },
            ["results"] = new JsonArray(items.Skip((page - 1) * size).Take(size).Select(show).ToArray()),
        });
    }

    private static int? Int(HttpContext http, string key) =>
        int.TryParse(http.Request.Query[key].ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static JsonObject? Take(JsonObject fields, string key)
    {
        var value = fields[key] as JsonObject;
        fields.Remove(key);
        return value?.DeepClone().AsObject();
    }

    private static async Task<JsonObject?> ReadAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Organisation(HttpContext http) => (string)http.Items[DataStorageRoutes.OrganisationItem]!;

    private static Uri BaseUrl(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}/");

    private static IResult NotFound() => Json(404, new JsonObject { ["detail"] = "Not found." });

    private static IResult Json(int status, JsonNode body) => FakeResults.Json(status, body);
}
