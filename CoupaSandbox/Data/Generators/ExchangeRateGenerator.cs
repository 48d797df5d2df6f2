using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/exchange_rates: daily-ish rates from the instance's enabled currencies into USD (or EUR), with a
/// little noise around the catalog rate. The rate is a decimal, so it is a string.</summary>
internal sealed class ExchangeRateGenerator() : ResourceGenerator("exchange_rates", Scopes.CommonRead, "from-currency", "to-currency", "rate-date")
{
    private (long From, long To) PairOf(Seed r)
    {
        long currencies = Math.Min(Data.SeededCount("currencies"), 14);
        if (currencies < 2)
            return (1, 1);
        long to = r.Rng.Chance("to-eur", 0.25) ? 2 : 1;
        long from = r.Rng.Long("from", 1, currencies);
        return (from >= to ? from + 1 : from, to);
    }

    private decimal RateOf(Seed r)
    {
        var (from, to) = PairOf(r);
        decimal noise = 1m + ((decimal)r.Rng.Unit("noise") - 0.5m) * 0.04m;
        return Math.Round(Currencies.ById(to).PerUsd / Currencies.ById(from).PerUsd * noise, 6);
    }

    /// <summary>A corrected rate is the visible change on update.</summary>
    public override IEnumerable<KeyValuePair<string, System.Text.Json.Nodes.JsonNode?>> Revise(RecordView current, int revision)
    {
        yield return KeyValuePair.Create<string, System.Text.Json.Nodes.JsonNode?>("rate", Dec(RateOf(SeedOf(current.Id)) * (1m + revision * 0.001m), 6));
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Association("from-currency", r => Data.Stub("currencies", PairOf(r).From, "id", "code"));
        yield return Association("to-currency", r => Data.Stub("currencies", PairOf(r).To, "id", "code"));
        yield return Amount("rate", r => Dec(RateOf(r), 6));
        yield return Time("rate-date", r => Day(CreatedAt(r.Id)));
    }
}
