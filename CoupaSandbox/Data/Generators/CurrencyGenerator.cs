using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/currencies (GET only in Coupa). The first dozen are enabled; the long tail mostly is not.</summary>
internal sealed class CurrencyGenerator() : ResourceGenerator("currencies", Scopes.CommonRead, "code")
{
    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("code", r => Currencies.ById(r.Id).Code);
        yield return Field("name", r => Currencies.ById(r.Id).Name);
        yield return Field("symbol", r => Currencies.ById(r.Id).Symbol);
        yield return Field("decimals", r => Currencies.ById(r.Id).Decimals);
        yield return Field("enabled-flag", r => r.Id <= 14 || r.Rng.Chance("enabled", 0.3));
        foreach (var field in Audit())
            yield return field;
    }

    /// <summary>Id of a currency code when the instance has it, else USD (1); null when there are no currencies at all.</summary>
    public long? IdFor(string code)
    {
        long id = Currencies.IdOf(code);
        return SeededCount == 0 ? null : id >= 1 && id <= SeededCount ? id : 1;
    }
}
