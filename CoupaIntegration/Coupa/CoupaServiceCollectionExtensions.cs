using CoupaIntegration.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CoupaIntegration.Coupa;

public static class CoupaServiceCollectionExtensions
{
    /// <summary>
    /// Coupa clients: auth (outermost, so a 401 re-mint wraps all retries) → retry with backoff and jitter,
    /// honouring Retry-After → per-attempt timeout → shared rate limiter → malformed-JSON guard → the wire.
    /// </summary>
    public static IServiceCollection AddCoupaClient(this IServiceCollection services)
    {
        services.AddOptions<CoupaOptions>().BindConfiguration(CoupaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CoupaClientFactory>();
        services.AddSingleton<CoupaTokenCache>();
        services.AddSingleton<CoupaRateLimiter>();
        services.AddTransient<CoupaAuthHandler>();
        services.AddTransient<CoupaRateLimitHandler>();
        services.AddTransient<MalformedJsonHandler>();
        services.TryAddSingleton(TimeProvider.System);

        // Bearer tokens stay out of IHttpClientFactory's request logs whatever the log level.
        var api = services.AddHttpClient(CoupaClientFactory.ApiClientName).RedactLoggedHeaders(["Authorization"]).AddHttpMessageHandler<CoupaAuthHandler>();
        // Only safe methods are retried here: a POST or PUT that timed out may have taken effect, so the export
        // decides itself (find again, then repeat only what is missing).
        api.AddResilienceHandler("coupa-api", (pipeline, context) => ConfigureRetries(pipeline, context, safeOnly: true));
        api.AddHttpMessageHandler<CoupaRateLimitHandler>().AddHttpMessageHandler<MalformedJsonHandler>();

        services.AddHttpClient(CoupaClientFactory.TokenClientName)
            .AddResilienceHandler("coupa-token", (pipeline, context) => ConfigureRetries(pipeline, context, safeOnly: false));
        return services;
    }

    private static void ConfigureRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context, bool safeOnly)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<CoupaOptions>>().Value;
        HttpRetries.Add(pipeline, options.MaxRetryAttempts, options.RetryBaseDelaySeconds, options.RetryMaxDelaySeconds, options.AttemptTimeoutSeconds, safeOnly);
    }
}
