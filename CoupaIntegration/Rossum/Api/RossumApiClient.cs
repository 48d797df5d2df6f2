using System.Text.Json.Nodes;
using CoupaIntegration.Common;
using CoupaIntegration.Rossum.Api.Wire;
using Microsoft.AspNetCore.WebUtilities;
using Refit;

namespace CoupaIntegration.Rossum.Api;

/// <summary>
/// The Rossum API for one organisation and token, with failures translated once (<see cref="RossumApiErrors"/>)
/// and list endpoints read to their last page by following <c>pagination.next</c>.
/// </summary>
public sealed class RossumApiClient(IRossumHooksApi api, IRossumHooksApi invokeApi, Uri apiRoot, Secret token, int pageSize, SecretRedactor redactor)
{
    /// <summary>Guards against a server whose <c>next</c> never ends.</summary>
    private const int MaxPages = 1000;

    public Uri ApiRoot => apiRoot;

    public SecretRedactor Redactor => redactor;

    /// <summary>The organisation's address, e.g. https://acme.rossum.app.</summary>
    public string Organisation => apiRoot.GetLeftPart(UriPartial.Authority);

    /// <summary>Where a person reads the extension logs in Rossum's UI (VERIFIED path, from Rossum University).</summary>
    public string ExtensionLogsPage => Organisation + "/settings/extensions/logs";

    public Task<IReadOnlyList<RossumHook>> ListHooksAsync(CancellationToken cancellationToken) =>
        ListAllAsync("listing hooks", (query, c) => api.ListHooksAsync(query, token.Reveal(), c), cancellationToken);

    public Task<IReadOnlyList<RossumQueue>> ListQueuesAsync(CancellationToken cancellationToken) =>
        ListAllAsync("listing queues", (query, c) => api.ListQueuesAsync(query, token.Reveal(), c), cancellationToken);

    public async Task<RossumHook> CreateHookAsync(JsonObject hook, CancellationToken cancellationToken) =>
        await SendAsync($"creating hook '{(string?)hook["name"]}'", c => api.CreateHookAsync(hook, token.Reveal(), c), cancellationToken);

    public async Task<RossumHook> UpdateHookAsync(long id, JsonObject changes, CancellationToken cancellationToken) =>
        await SendAsync($"updating hook {id}", c => api.UpdateHookAsync(id, changes, token.Reveal(), c), cancellationToken);

    public async Task<RossumUser> GetCurrentUserAsync(CancellationToken cancellationToken) =>
        await SendAsync("reading the token's user (to make it the hooks' token owner; or pass --token-owner)", c => api.GetCurrentUserAsync(token.Reveal(), c), cancellationToken);

    /// <summary>POST invoke; any answer is returned (the caller explains it), only an unreachable API throws.</summary>
    public async Task<InvokeAnswer> InvokeAsync(long hookId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await invokeApi.InvokeHookAsync(hookId, new JsonObject(), token.Reveal(), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new InvokeAnswer((int)response.StatusCode, body, response.Headers.Location);
        }
        catch (Exception e) when (RossumApiErrors.IsUnreachable(e, cancellationToken))
        {
            throw new IntegrationException(FailureKind.Transient,
                $"Rossum API at {Organisation} did not answer the invoke of hook {hookId} in time ({e.GetType().Name}); the hook may still be running: see {ExtensionLogsPage}.", e);
        }
    }

    /// <summary>The hook's latest log rows, newest first as Rossum lists them; empty when they cannot be read (they only help explain).</summary>
    public async Task<IReadOnlyList<RossumHookLog>> RecentLogsAsync(long hookId, int count, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await api.ListHookLogsAsync(hookId, count, token.Reveal(), cancellationToken);
            return response.IsSuccessStatusCode && response.Error is null ? response.Content?.Results ?? [] : [];
        }
        catch (Exception e) when (RossumApiErrors.IsUnreachable(e, cancellationToken))
        {
            return [];
        }
    }

    private async Task<IReadOnlyList<T>> ListAllAsync<T>(string operation,
        Func<IDictionary<string, string>, CancellationToken, Task<IApiResponse<RossumPage<T>>>> call, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        IDictionary<string, string>? query = new Dictionary<string, string> { ["page_size"] = pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (var pages = 0; query is not null; pages++)
        {
            if (pages == MaxPages) throw new IntegrationException(FailureKind.Fatal, $"Rossum API at {Organisation} kept offering further pages while {operation}.");
            var page = await SendAsync(operation, c => call(query, c), cancellationToken);
            items.AddRange(page.Results ?? []);
            query = NextPageQuery(page.Pagination?.Next);
        }
        return items;
    }

    /// <summary>The next page is asked for with the <c>next</c> link's own query, whatever parameters Rossum puts there.</summary>
    public static IDictionary<string, string>? NextPageQuery(string? next)
    {
        if (string.IsNullOrEmpty(next) || !Uri.TryCreate(next, UriKind.Absolute, out var uri)) return null;
        var query = QueryHelpers.ParseQuery(uri.Query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal);
        return query.Count == 0 ? null : query;
    }

    private async Task<T> SendAsync<T>(string operation, Func<CancellationToken, Task<IApiResponse<T>>> call, CancellationToken cancellationToken)
    {
        IApiResponse<T> response;
        try
        {
            response = await call(cancellationToken);
        }
        catch (Exception e) when (RossumApiErrors.IsUnreachable(e, cancellationToken))
        {
            throw new IntegrationException(FailureKind.Transient, $"Rossum API at {Organisation} could not be reached while {operation} ({e.GetType().Name}).", e);
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode || response.Error is not null || response.Content is null)
                throw RossumApiErrors.From(response, apiRoot, operation, redactor);
            return response.Content;
        }
    }
}

/// <summary>What an invoke answered: Rossum's status, the body (the hook's answer, or Rossum's error), and a Location if any.</summary>
public sealed record InvokeAnswer(int Status, string Body, Uri? Location);
