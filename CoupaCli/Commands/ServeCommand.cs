using System.CommandLine;
using CoupaCli.Console;
using CoupaCli.Serve;
using CoupaIntegration.Common;
using CoupaIntegration.Webhooks.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoupaCli.Commands;

/// <summary>
/// <c>coupa serve</c>: the import webhooks on 127.0.0.1 without the Functions host, the same handlers and URLs as
/// the Function App; optionally with a local Coupa sandbox and Rossum fake to call them against.
/// </summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (7071 like `func start`; 0 picks a free one).", DefaultValueFactory = _ => 7071 };
        var signatureSecret = new Option<string?>("--signature-secret") { Description = $"The hook's config.secret: calls must carry a valid X-Rossum-Signature-SHA256. Prefer the {ServeSettings.SignatureSecretVariable} environment variable." };
        var keyVault = UrlOption.Create("--key-vault", "Key Vault with fallback secrets (coupa-client-secret-{clientId}, rossum-api-token-{host}); signs in with DefaultAzureCredential (az login).");
        var allowHost = new Option<string[]>("--allow-host") { Description = "Adds a host to Secrets:CoupaHostAllowList (e.g. 127.0.0.1 for the sandbox), repeatable.", DefaultValueFactory = _ => [], AllowMultipleArgumentsPerToken = true };
        var withSandbox = new Option<bool>("--with-sandbox") { Description = "Also start a Coupa sandbox on a free loopback port." };
        var withRossumFake = new Option<bool>("--with-rossum-fake") { Description = "Also start a Rossum fake (Data Storage, tokens) on a free loopback port." };
        var verbose = new Option<bool>("--verbose") { Description = "Debug logs." };
        var command = new Command("serve", "Serve the import webhooks locally (no Functions host needed).")
            { port, signatureSecret, keyVault, allowHost, withSandbox, withRossumFake, verbose };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var secret = parse.GetValue(signatureSecret) ?? Environment.GetEnvironmentVariable(ServeSettings.SignatureSecretVariable);
            try
            {
                await using var fakes = await LocalFakes.StartAsync(parse.GetValue(withSandbox), parse.GetValue(withRossumFake), cancellationToken);
                await using var server = await WebhookServer.StartAsync(new WebhookServerOptions
                {
                    Port = parse.GetValue(port),
                    Configuration = ServeSettings.Build(secret, parse.GetValue(keyVault), parse.GetValue(allowHost)!),
                    ConfigureLogging = logging => ServeLogging.Configure(logging, parse.GetValue(verbose)),
                }, cancellationToken);
                await ServeBanner.WriteAsync(server.BaseUrl, secret, fakes, cancellationToken);
                await server.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Success;
            }
            catch (IntegrationException e)
            {
                return ExitCodes.Fail(e);
            }
            catch (OptionsValidationException e)
            {
                System.Console.Error.WriteLine($"coupa: {e.Message}");
                return ExitCodes.BadInput;
            }
            catch (IOException e) when (e.InnerException is System.Net.Sockets.SocketException || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                System.Console.Error.WriteLine($"coupa: cannot listen on 127.0.0.1:{parse.GetValue(port)} ({e.Message}); pass another --port.");
                return ExitCodes.BadInput;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }
        });
        return command;
    }
}
