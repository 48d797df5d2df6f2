using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Imports;
using CoupaIntegration.Rossum.Api;
using CoupaIntegration.Rossum.Api.Wire;
using Microsoft.Extensions.Logging;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// `coupa rossum invoke`: the first test of an installed import. Rossum calls the hook (<c>POST /hooks/{id}/invoke</c>),
/// our function answers 202 with a status link, and that link is followed until the run is done or failed. When
/// Rossum itself refuses (the hook lacks the event, the function answered an error or no JSON), the reason and the
/// hook's latest log rows are what a person needs.
/// </summary>
public sealed class HookInvoker(RossumApiFactory rossum, ImportCatalog catalog, ILogger<HookInvoker> logger)
{
    public async Task<HookInvocation> InvokeAsync(Uri rossumUrl, Secret token, string hookOrType, CancellationToken cancellationToken)
    {
        var client = rossum.Create(rossumUrl, token);
        var hook = await ResolveAsync(client, hookOrType, cancellationToken);
        logger.LogInformation("Invoking hook {HookId} {HookName}", hook.Id, hook.Name);
        var answer = await client.InvokeAsync(hook.Id, cancellationToken);
        var body = Parse(answer.Body);
        var logsApi = $"{client.ApiRoot.ToString().TrimEnd('/')}/hooks/logs?hook={hook.Id}";
        if (answer.Status is >= 200 and < 300)
        {
            // The function's Location may not survive Rossum's forwarding; our answer also names it in the body.
            var link = answer.Location ?? (body?["status_url"] is JsonValue v && Uri.TryCreate(v.ToString(), UriKind.Absolute, out var u) ? u : null);
            return new HookInvocation(hook, answer.Status, body, link, null, [], client.ExtensionLogsPage, logsApi);
        }
        var logs = await client.RecentLogsAsync(hook.Id, 5, cancellationToken);
        return new HookInvocation(hook, answer.Status, body, null, client.Redactor.Redact(Reason(body) ?? $"HTTP {answer.Status} without an explanation"),
            logs, client.ExtensionLogsPage, logsApi);
    }

    /// <summary>Polls our run-status link until 201 (done) or 422 (failed or stopped short), reporting each 200's progress JSON.</summary>
    public async Task<RunStatusReport> FollowAsync(Uri statusUrl, IProgress<JsonObject>? progress, CancellationToken cancellationToken)
    {
        var http = rossum.RunStatusClient();
        var interval = TimeSpan.FromSeconds(rossum.Options.RunPollIntervalSeconds);
        var shown = statusUrl.GetLeftPart(UriPartial.Path);
        var troubles = 0;
        while (true)
        {
            HttpStatusCode status;
            string text;
            try
            {
                using var response = await http.GetAsync(statusUrl, cancellationToken);
                status = response.StatusCode;
                text = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (Exception e) when (RossumApiErrors.IsUnreachable(e, cancellationToken))
            {
                if (++troubles > 5) throw new IntegrationException(FailureKind.Transient, $"The run's status link {shown} could not be reached ({e.GetType().Name}); the run may still go on.", e);
                await Task.Delay(interval, cancellationToken);
                continue;
            }
            var json = Parse(text) ?? new JsonObject();
            switch ((int)status)
            {
                case 200:
                    troubles = 0;
                    progress?.Report(json);
                    break;
                case 201:
                    return new RunStatusReport(true, json);
                case 422:
                    return new RunStatusReport(false, json);
                case 404:
                    throw new IntegrationException(FailureKind.Configuration,
                        $"The function app does not know the run behind {shown} (404): it restarted, or its instances do not share Webhooks:ProtectionKey.");
                case 408 or 429 or >= 500:
                    if (++troubles > 5) throw new IntegrationException(FailureKind.Transient, $"The run's status link {shown} kept answering {(int)status}; the run may still go on.");
                    break;
                default:
                    throw new IntegrationException(FailureKind.Fatal, $"The run's status link {shown} answered {(int)status}: {Reason(json) ?? "no explanation"}.");
            }
            await Task.Delay(interval, cancellationToken);
        }
    }

    private async Task<RossumHook> ResolveAsync(RossumApiClient client, string hookOrType, CancellationToken cancellationToken)
    {
        var hooks = await client.ListHooksAsync(cancellationToken);
        if (long.TryParse(hookOrType, out var id))
            return hooks.FirstOrDefault(h => h.Id == id)
                ?? throw new IntegrationException(FailureKind.BadRequest, $"{client.Organisation} has no hook {id} (or the token's user cannot see it).");
        var entry = catalog.Find(hookOrType) ?? throw new IntegrationException(FailureKind.BadRequest,
            $"'{hookOrType}' is neither a hook id nor an import type. Known types: {string.Join(", ", catalog.Entries.Select(e => e.Type))}.");
        var key = HookRole.Import(entry.Type).Key;
        return hooks.Where(h => HookMarker.RoleOf(h)?.Key == key).MinBy(h => h.Id)
            ?? throw new IntegrationException(FailureKind.BadRequest,
                $"{client.Organisation} has no hook of ours importing {entry.Type}: run `coupa rossum install --types {entry.Type} …` first, or pass a hook id.");
    }

    /// <summary>What an error body says: DRF's <c>detail</c>, our <c>error</c>, or the first message's content; with a forwarded <c>response</c>'s reason after it.</summary>
    public static string? Reason(JsonObject? body)
    {
        if (body is null) return null;
        // Rossum's own words, then what the function answered it, when Rossum passes that on.
        var inner = body["response"] is JsonObject response ? Reason(response) : null;
        foreach (var key in new[] { "detail", "error", "message" })
            if (body[key] is JsonValue value && value.ToString() is { Length: > 0 } text) return inner is null ? text : $"{text} {inner}";
        if (inner is not null) return inner;
        if (body["messages"] is JsonArray messages && messages.FirstOrDefault() is JsonObject first && first["content"] is JsonValue content) return content.ToString();
        return RossumApiErrors.Describe(body.ToJsonString());
    }

    private static JsonObject? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>What the invoke answered. <see cref="Refused"/>: Rossum did not run it (or the function said no); then the reason and the logs.</summary>
public sealed record HookInvocation(RossumHook Hook, int Status, JsonObject? Body, Uri? StatusUrl, string? Reason,
    IReadOnlyList<RossumHookLog> Logs, string ExtensionLogsPage, string HookLogsApi)
{
    public bool Refused => Status is < 200 or >= 300;
}

/// <summary>The run's last status JSON; <see cref="Completed"/> false when it failed or stopped short (422).</summary>
public sealed record RunStatusReport(bool Completed, JsonObject Json);
