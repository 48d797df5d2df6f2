namespace CoupaIntegration.Common;

/// <summary>
/// A secret value that cannot leak by accident: <see cref="ToString"/>, string interpolation, records and
/// structured logging all see "***". Code that must send the value calls <see cref="Reveal"/> explicitly.
/// </summary>
public sealed class Secret
{
    private readonly string _value;

    public Secret(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    public string Reveal() => _value;

    public bool IsEmpty => _value.Length == 0;

    /// <summary>Whitespace around a pasted secret is the most common OAuth mistake; callers warn about it.</summary>
    public bool HasSurroundingWhitespace => _value.Length > 0 && (char.IsWhiteSpace(_value[0]) || char.IsWhiteSpace(_value[^1]));

    public override string ToString() => "***";
}
