using Refit;

namespace CoupaIntegration.Coupa;

/// <summary>
/// Refit clients for any Coupa instance. The base URL comes from the job's settings, so clients are made per
/// instance from named <see cref="IHttpClientFactory"/> clients, whose pooled handler pipelines do the real work.
/// </summary>
public sealed class CoupaClientFactory(IHttpClientFactory httpClients)
{
    public const string ApiClientName = "Coupa.Api";
    public const string TokenClientName = "Coupa.Token";

    public ICoupaApi CreateApi(Uri baseUrl) => RestService.For<ICoupaApi>(Create(ApiClientName, baseUrl));

    public ICoupaTokenApi CreateTokenApi(Uri baseUrl) => RestService.For<ICoupaTokenApi>(Create(TokenClientName, baseUrl));

    private HttpClient Create(string name, Uri baseUrl)
    {
        var client = httpClients.CreateClient(name);
        client.BaseAddress = baseUrl;
        // The resilience pipeline bounds each attempt; the client-wide timeout must not cut a run of retries short.
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }
}
