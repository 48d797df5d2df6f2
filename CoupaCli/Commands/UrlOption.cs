using System.CommandLine;

namespace CoupaCli.Commands;

/// <summary>
/// A URL option. System.CommandLine 2.0 has no converter for <see cref="Uri"/> and throws at GetValue with a stack
/// trace; this parses it itself, so a bad value is an ordinary usage error naming the option.
/// </summary>
internal static class UrlOption
{
    public static Option<Uri?> Create(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value.Trim() : "";
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "https" or "http") return url;
            result.AddError($"{name} must be an absolute https URL, e.g. https://example.vault.azure.net/ (got \"{text}\").");
            return null;
        },
    };
}
