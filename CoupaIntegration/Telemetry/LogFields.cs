using System.Collections;

namespace CoupaIntegration.Telemetry;

/// <summary>
/// A log event's state: a message written for people plus every field by name, so structured sinks (Application
/// Insights customDimensions, the console's JSON, test loggers) see each one. A field without a value is left out
/// rather than logged as "(null)".
/// </summary>
internal sealed class LogFields(string message) : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _fields = [];

    public static readonly Func<LogFields, Exception?, string> Format = (fields, _) => fields.ToString();

    public LogFields Add(string name, object? value)
    {
        if (value is not null) _fields.Add(new(name, value));
        return this;
    }

    public int Count => _fields.Count;

    public KeyValuePair<string, object?> this[int index] => _fields[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _fields.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => message;
}
