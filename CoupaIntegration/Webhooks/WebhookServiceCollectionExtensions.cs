using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using CoupaIntegration.Exports;
using CoupaIntegration.Secrets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Webhooks;

public static class WebhookServiceCollectionExtensions
{
    public const string KeyVaultHttpClientName = "KeyVault";

    /// <summary>
    /// The webhook layer: handler, job executor, payload protection, Key Vault fallback secrets and the data hubs
    /// jobs write to. Hosts add their launcher (Durable in the Function App, in-process elsewhere).
    /// </summary>
    public static IServiceCollection AddCoupaWebhooks(this IServiceCollection services)
    {
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName);
        services.AddOptions<SecretsOptions>().BindConfiguration(SecretsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LocalDataHubOptions>().BindConfiguration(LocalDataHubOptions.SectionName);

        // Key Vault over IHttpClientFactory, so tests (and proxies) can swap the transport; DefaultAzureCredential
        // unless a host registered another credential first.
        services.AddHttpClient(KeyVaultHttpClientName);
        services.TryAddSingleton<TokenCredential>(_ => new DefaultAzureCredential());
        services.AddSingleton(sp =>
        {
            // An empty app setting binds to an empty relative Uri: that means "no Key Vault", as leaving it out does.
            var uri = sp.GetRequiredService<IOptions<SecretsOptions>>().Value.KeyVaultUri is { IsAbsoluteUri: true } absolute ? absolute : null;
            var client = uri is null ? null : new SecretClient(uri, sp.GetRequiredService<TokenCredential>(), new SecretClientOptions
            {
                Transport = new HttpClientTransport(sp.GetRequiredService<IHttpClientFactory>().CreateClient(KeyVaultHttpClientName)),
            });
            return new KeyVaultSecrets(client, sp.GetRequiredService<ILogger<KeyVaultSecrets>>());
        });
        services.AddSingleton<CoupaSecretResolver>();
        services.AddSingleton<IPayloadProtector, AesPayloadProtector>();
        services.AddSingleton<IJobDataHubFactory, JobDataHubFactory>();
        services.AddSingleton<ImportJobExecutor>();
        services.AddSingleton<ImportWebhookHandler>();

        services.AddOptions<ExportOptions>().BindConfiguration(ExportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(RossumDocumentClient.HttpClientName).RedactLoggedHeaders(["Authorization"]);
        services.AddSingleton<RossumDocumentClient>();
        services.AddSingleton<ExportLocks>();
        services.AddSingleton<InvoiceExporter>();
        services.AddSingleton<ExportWebhookHandler>();
        return services;
    }
}
