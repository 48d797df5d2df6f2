using CoupaIntegration.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CoupaIntegration.Rossum.Api;

public static class RossumApiServiceCollectionExtensions
{
    /// <summary>
    /// Rossum API clients (hooks, queues, logs). Reads are retried with backoff; creates, updates and invokes are
    /// not, since a create repeated after a lost answer would make a second hook and an invoke a second run.
    /// Invokes get their own client: they wait as long as the hook takes to answer.
    /// </summary>
    public static IServiceCollection AddRossumApi(this IServiceCollection services)
    {
        services.AddOptions<RossumApiOptions>().BindConfiguration(RossumApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RossumApiFactory>();
        services.AddHttpClient(RossumApiFactory.HttpClientName)
            .RedactLoggedHeaders(["Authorization"])
            .AddResilienceHandler("rossum-api", RetryReads);
        services.AddHttpClient(RossumApiFactory.InvokeHttpClientName).RedactLoggedHeaders(["Authorization"]);
        // The run-status links our own functions hand out: followed as given, anonymous (the link carries its token).
        services.AddHttpClient(RossumApiFactory.RunStatusHttpClientName)
            .AddResilienceHandler("run-status", RetryReads);
        return services;
    }

    private static void RetryReads(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<RossumApiOptions>>().Value;
        HttpRetries.Add(pipeline, options.MaxRetryAttempts, options.RetryBaseDelaySeconds, options.RetryMaxDelaySeconds, options.AttemptTimeoutSeconds, safeMethodsOnly: true);
    }
}
