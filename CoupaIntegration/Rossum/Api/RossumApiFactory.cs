using System.Text.Json;
using System.Text.Json.Serialization;
using CoupaIntegration.Common;
using Microsoft.Extensions.Options;
using Refit;

namespace CoupaIntegration.Rossum.Api;

/// <summary>Rossum API clients for any organisation: the URL and token come from the person running the CLI.</summary>
public sealed class RossumApiFactory(IHttpClientFactory httpClients, IOptions<RossumApiOptions> options)
{
    public const string HttpClientName = "Rossum.Api";
    public const string InvokeHttpClientName = "Rossum.Api.Invoke";
    public const string RunStatusHttpClientName = "CoupaFunctions.RunStatus";

    /// <summary>Rossum's wire names are snake_case; nulls in our records are left out.</summary>
    private static readonly RefitSettings Settings = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    }));

    public RossumApiOptions Options => options.Value;

    /// <summary>
    /// <c>https://acme.rossum.app</c>, <c>…/api</c> and <c>…/api/v1</c> all mean the organisation's API root
    /// <c>https://acme.rossum.app/api/v1</c>.
    /// </summary>
    public static Uri ApiRoot(Uri rossumUrl)
    {
        var path = rossumUrl.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/api/v1", StringComparison.OrdinalIgnoreCase)) path = path[..^"/api/v1".Length];
        else if (path.EndsWith("/api", StringComparison.OrdinalIgnoreCase)) path = path[..^"/api".Length];
        return new Uri(rossumUrl.GetLeftPart(UriPartial.Authority) + path + "/api/v1");
    }

    public RossumApiClient Create(Uri rossumUrl, Secret token, SecretRedactor? redactor = null)
    {
        var root = ApiRoot(rossumUrl);
        var http = httpClients.CreateClient(HttpClientName);
        http.BaseAddress = root;
        // The resilience pipeline bounds each attempt; the client-wide timeout must not cut retries short.
        http.Timeout = Timeout.InfiniteTimeSpan;
        var invokeHttp = httpClients.CreateClient(InvokeHttpClientName);
        invokeHttp.BaseAddress = root;
        invokeHttp.Timeout = TimeSpan.FromSeconds(Options.InvokeTimeoutSeconds);
        return new RossumApiClient(RestService.For<IRossumHooksApi>(http, Settings), RestService.For<IRossumHooksApi>(invokeHttp, Settings),
            root, token, Options.PageSize, (redactor ?? new SecretRedactor()).Add(token));
    }

    public HttpClient RunStatusClient()
    {
        var http = httpClients.CreateClient(RunStatusHttpClientName);
        http.Timeout = Timeout.InfiniteTimeSpan;
        return http;
    }
}
