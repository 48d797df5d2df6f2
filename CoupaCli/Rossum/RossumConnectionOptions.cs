using System.CommandLine;
using CoupaIntegration.Common;

namespace CoupaCli.Rossum;

/// <summary>The options every `coupa rossum` command shares: the organisation and an API token of one of its users.</summary>
internal sealed class RossumConnectionOptions
{
    public const string TokenVariable = "ROSSUM_API_TOKEN";

    public Option<string> Url { get; } = new("--rossum-url") { Description = "The organisation's Rossum address, e.g. https://acme.rossum.app.", Required = true };

    public Option<string?> Token { get; } = new("--token") { Description = $"Rossum API token (a user with the admin role); prefer the {TokenVariable} environment variable." };

    public void AddTo(Command command)
    {
        command.Options.Add(Url);
        command.Options.Add(Token);
    }

    public Secret TokenFrom(ParseResult parse)
    {
        var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable);
        return string.IsNullOrWhiteSpace(token)
            ? throw new IntegrationException(FailureKind.BadRequest, $"No Rossum API token: pass --token or set {TokenVariable}.")
            : new Secret(token.Trim());
    }

    public Uri UrlFrom(ParseResult parse) => Absolute(parse.GetValue(Url), "--rossum-url");

    /// <summary>URL options are read as text and checked here, so a mistyped one gets a sentence rather than a parser error.</summary>
    public static Uri Absolute(string? text, string option) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
            : throw new IntegrationException(FailureKind.BadRequest, $"{option} must be an absolute http(s) URL (got '{text}').");
}
