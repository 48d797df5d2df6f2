using CoupaIntegration.Common;
using Microsoft.Extensions.DependencyInjection;
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
        services.TryAddTimeProvider();

        // Bearer tokens stay out of IHttpClientFactory's request logs whatever the log level.
        var api = services.AddHttpClient(CoupaClientFactory.ApiClientName).RedactLoggedHeaders(["Authorization"]).AddHttpMessageHandler<CoupaAuthHandler>();
        api.AddResilienceHandler("coupa-api", ConfigureRetries);
        api.AddHttpMessageHandler<CoupaRateLimitHandler>().AddHttpMessageHandler<MalformedJsonHandler>();

        services.AddHttpClient(CoupaClientFactory.TokenClientName)
            .AddResilienceHandler("coupa-token", ConfigureRetries);
        return services;
    }

    private static void ConfigureRetries(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<CoupaOptions>>().Value;
        HttpRetries.Add(pipeline, options.MaxRetryAttempts, options.RetryBaseDelaySeconds, options.RetryMaxDelaySeconds, options.AttemptTimeoutSeconds);
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
            services.AddSingleton(TimeProvider.System);
    }
}
