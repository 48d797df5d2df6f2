namespace RossumFake;

/// <summary>How the fake behaves; changeable while it runs (tests flip faults on and off).</summary>
public sealed class RossumFakeOptions
{
    /// <summary>Asynchronous operations (bulk_write, drop) stay CREATED/RUNNING this long before they take effect.</summary>
    public TimeSpan OperationDelay { get; set; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Rossum's default hook token lifetime (<c>token_lifetime_s</c> null → 600 s).</summary>
    public TimeSpan DefaultTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Answer this many Data Storage requests with <see cref="FailStatus"/> before serving normally.</summary>
    public int FailNextRequests { get; set; }

    public int FailStatus { get; set; } = 503;

    /// <summary>
    /// Serve this many Data Storage requests, then answer them with <see cref="FailStatus"/> anyway: a response lost
    /// on the way back, which makes a client retry a write that already took effect.
    /// </summary>
    public int LoseNextResponses { get; set; }

    /// <summary>When set (e.g. <c>data/insert_many</c>), the faults above hit only requests to that endpoint.</summary>
    public string? FaultEndpoint { get; set; }

    /// <summary>Keep request bodies in the request log (tests assert on what was sent).</summary>
    public bool LogBodies { get; set; } = true;

    /// <summary>
    /// Whether GET shows a hook's <c>config.secret</c>. Rossum hides it for <c>private</c> hooks; for others it is not
    /// documented either way, so tests run installs both ways.
    /// </summary>
    public bool HookSecretsReadable { get; set; } = true;

    /// <summary>The largest <c>page_size</c> list endpoints serve (Rossum: 100; tests lower it to exercise paging).</summary>
    public int MaxPageSize { get; set; } = 100;
}
