using System.Globalization;

namespace CoupaSandbox.Data;

/// <summary>Counter-free deterministic randomness: every value is a hash of (record key, salt), so any attribute of any
/// record can be computed on its own, in any order, without generating the rest of the record or its neighbours.</summary>
internal readonly struct RecordRng(ulong key)
{
    public ulong Key => key;

    public ulong Bits(string salt) => Hash.Combine(key, Hash.Of(salt));

    public RecordRng Sub(string salt, long index = 0) => new(Hash.Combine(Bits(salt), (ulong)index));

    public int Int(string salt, int min, int maxExclusive) =>
        maxExclusive <= min ? min : min + (int)(Bits(salt) % (ulong)(maxExclusive - min));

    public long Long(string salt, long min, long maxExclusive) =>
        maxExclusive <= min ? min : min + (long)(Bits(salt) % (ulong)(maxExclusive - min));

    public double Unit(string salt) => (Bits(salt) >> 11) * (1.0 / 9007199254740992.0);

    public bool Chance(string salt, double probability) => Unit(salt) < probability;

    public T Pick<T>(string salt, IReadOnlyList<T> items) => items[Int(salt, 0, items.Count)];

    public decimal Money(string salt, decimal min, decimal max) => Math.Round(min + (max - min) * (decimal)Unit(salt), 2);

    public string Digits(string salt, int count)
    {
        var rng = Sub(salt);
        return string.Create(count, rng, static (span, r) =>
        {
            for (int i = 0; i < span.Length; i++)
                span[i] = (char)('0' + r.Int(i.ToString(CultureInfo.InvariantCulture), 0, 10));
        });
    }

    /// <summary>Fills a pattern: '#' = digit, 'A' = capital letter, anything else is copied.</summary>
    public string Pattern(string salt, string pattern)
    {
        var rng = Sub(salt);
        return string.Create(pattern.Length, (rng, pattern), static (span, state) =>
        {
            for (int i = 0; i < span.Length; i++)
            {
                char c = state.pattern[i];
                string s = i.ToString(CultureInfo.InvariantCulture);
                span[i] = c switch
                {
                    '#' => (char)('0' + state.rng.Int(s, 0, 10)),
                    'A' => (char)('A' + state.rng.Int(s, 0, 26)),
                    _ => c,
                };
            }
        });
    }
}
