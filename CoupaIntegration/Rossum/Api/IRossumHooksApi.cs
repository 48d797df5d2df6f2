using System.Text.Json.Nodes;
using CoupaIntegration.Rossum.Api.Wire;
using Refit;

namespace CoupaIntegration.Rossum.Api;

/// <summary>
/// The part of the Rossum API (<c>{organisation}/api/v1</c>) that installs and runs our hooks. Facts from
/// shared/spec/rossum.md: VERIFIED there are <c>PATCH /hooks/{id}</c> (partial update), <c>POST /hooks/{id}/invoke</c>,
/// <c>GET /hooks/logs</c> and both auth schemes (<c>Bearer</c>, <c>Token</c>). INFERRED (not in the spec, seen in
/// Rossum's public SDK or assumed): list answers <c>{"pagination":{"next":…},"results":[…]}</c> paged with
/// <c>page</c>/<c>page_size</c> (at most 100), <c>POST /hooks</c> creates, and <c>GET /auth/user</c> is the
/// token's own user. Bodies stay JSON objects: a hook carries fields we never touch, and they must survive.
/// </summary>
[Headers("Accept: application/json")]
public interface IRossumHooksApi
{
    /// <param name="page">The page's query: <c>page_size</c> for the first, the <c>pagination.next</c> link's query after that.</param>
    [Get("/hooks")]
    Task<IApiResponse<RossumPage<RossumHook>>> ListHooksAsync([Query] IDictionary<string, string> page, [Authorize] string token, CancellationToken cancellationToken = default);

    [Post("/hooks")]
    Task<IApiResponse<RossumHook>> CreateHookAsync([Body] JsonObject hook, [Authorize] string token, CancellationToken cancellationToken = default);

    /// <summary>Partial update: only the top-level fields sent change (an object field is replaced whole: INFERRED).</summary>
    [Patch("/hooks/{id}")]
    Task<IApiResponse<RossumHook>> UpdateHookAsync(long id, [Body] JsonObject changes, [Authorize] string token, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs the hook with <c>invocation.manual</c>; the body's keys join the payload at top level. The answer is the
    /// hook's own (VERIFIED: 200, or 400 when the hook lacks the event or answered with no JSON; a 202 of an
    /// asynchronous hook is forwarded per Rossum's SA notes). Raw, because its status and body are both the news.
    /// </summary>
    [Post("/hooks/{id}/invoke")]
    Task<HttpResponseMessage> InvokeHookAsync(long id, [Body] JsonObject body, [Authorize] string token, CancellationToken cancellationToken = default);

    /// <summary>The latest hook call logs (VERIFIED: filters <c>hook</c>, <c>page_size</c> ≤ 100; kept 7 days).</summary>
    [Get("/hooks/logs")]
    Task<IApiResponse<RossumPage<RossumHookLog>>> ListHookLogsAsync([AliasAs("hook")] long hookId, [AliasAs("page_size")] int pageSize, [Authorize] string token, CancellationToken cancellationToken = default);

    [Get("/queues")]
    Task<IApiResponse<RossumPage<RossumQueue>>> ListQueuesAsync([Query] IDictionary<string, string> page, [Authorize] string token, CancellationToken cancellationToken = default);

    /// <summary>The token's user: the default token owner of the hooks we create (INFERRED endpoint).</summary>
    [Get("/auth/user")]
    Task<IApiResponse<RossumUser>> GetCurrentUserAsync([Authorize] string token, CancellationToken cancellationToken = default);
}
