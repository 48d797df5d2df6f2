using CoupaIntegration.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CoupaIntegration.Rossum.DataStorage;

public static class RossumDataStorageServiceCollectionExtensions
{
    /// <summary>
    /// Data Storage clients: retry with backoff and jitter on 408, 429, 5xx, connection errors and attempt
    /// time-outs (Retry-After honoured) → per-attempt timeout → the wire. A 401 is not retried here: the client
    /// asks its token source for a replacement instead.
    /// Writes are safe to repeat: upserts by key, and inserts carry a deterministic _id so a repeated insert cannot
    /// duplicate. A rename repeated after it took effect fails, and the resumed run then finds the swap done.
    /// </summary>
    public static IServiceCollection AddRossumDataStorage(this IServiceCollection services)
    {
        services.AddOptions<RossumDataStorageOptions>().BindConfiguration(RossumDataStorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RossumDataStorageFactory>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(RossumDataStorageFactory.HttpClientName)
            // Bearer tokens stay out of IHttpClientFactory's request logs whatever the log level.
            .RedactLoggedHeaders(["Authorization"])
            .AddResilienceHandler("rossum-data-storage", ConfigureRetries);
        return services;
    }

    private static void ConfigureRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<RossumDataStorageOptions>>().Value;
        HttpRetries.Add(pipeline, options.MaxRetryAttempts, options.RetryBaseDelaySeconds, options.RetryMaxDelaySeconds, options.AttemptTimeoutSeconds);
    }
}
