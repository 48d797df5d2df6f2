namespace CoupaIntegration.Common;

/// <summary>
/// Masks known secret values in text that comes from elsewhere (an API's error message may echo what it was sent),
/// before it reaches a person. Our own messages never hold a secret; this guards the ones we merely pass on.
/// </summary>
public sealed class SecretRedactor
{
    private readonly List<string> _values = [];

    public SecretRedactor Add(Secret? secret)
    {
        // Very short values would mask ordinary words; no real secret is that short.
        if (secret is not null && secret.Reveal().Length >= 6) _values.Add(secret.Reveal());
        return this;
    }

    public string Redact(string text)
    {
        foreach (var value in _values.OrderByDescending(v => v.Length))
            text = text.Replace(value, "***", StringComparison.Ordinal);
        return text;
    }
}
