using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Refit;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Data Storage clients and hubs for any Rossum organisation. The base URL and token come from each hook call,
/// so clients are made per call from a named <see cref="IHttpClientFactory"/> client whose pooled handler
/// pipeline (retries, time-outs) does the real work.
/// </summary>
public sealed class RossumDataStorageFactory(IHttpClientFactory httpClients, IOptions<RossumDataStorageOptions> options, TimeProvider time, ILoggerFactory loggers)
{
    public const string HttpClientName = "Rossum.DataStorage";

    /// <summary>Request records are PascalCase in C#, camelCase on the wire; nulls are left out, not sent.</summary>
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }));

    public RossumDataStorageOptions Options => options.Value;

    /// <summary><c>{base_url}/svc/data-storage/api/v1</c>; base_url is the organisation's root, e.g. https://org.rossum.app.</summary>
    public static Uri ApiRoot(Uri baseUrl) => new(baseUrl.GetLeftPart(UriPartial.Authority) + "/svc/data-storage/api/v1");

    public RossumDataStorageClient CreateClient(Uri baseUrl, IRossumTokenSource tokens)
    {
        var http = httpClients.CreateClient(HttpClientName);
        http.BaseAddress = ApiRoot(baseUrl);
        // The resilience pipeline bounds each attempt; the client-wide timeout must not cut a run of retries short.
        http.Timeout = Timeout.InfiniteTimeSpan;
        var poller = new DataStorageOperationPoller(TimeSpan.FromSeconds(Options.OperationPollIntervalSeconds),
            TimeSpan.FromSeconds(Options.OperationTimeoutSeconds), time, loggers.CreateLogger<DataStorageOperationPoller>());
        return new RossumDataStorageClient(RestService.For<IRossumDataStorageApi>(http, Settings), baseUrl, tokens, poller);
    }

    public RossumDataStorageHub CreateHub(Uri baseUrl, IRossumTokenSource tokens) =>
        new(CreateClient(baseUrl, tokens), Options, loggers.CreateLogger<RossumDataStorageHub>());
}
