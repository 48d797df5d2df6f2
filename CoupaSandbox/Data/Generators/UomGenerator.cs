using CoupaSandbox.Auth;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/uoms (GET only in Coupa). Precision matters: Coupa truncates quantities to allowable-precision.</summary>
internal sealed class UomGenerator() : ResourceGenerator("uoms", Scopes.CommonRead, "code")
{
    private static readonly (string Code, string Name, int Precision)[] Catalog =
    [
        ("EA", "Each", 0), ("BX", "Box", 0), ("CS", "Case", 0), ("PK", "Pack", 0), ("DZ", "Dozen", 0), ("HR", "Hour", 2),
        ("DAY", "Day", 1), ("WK", "Week", 0), ("MO", "Month", 0), ("YR", "Year", 0), ("KG", "Kilogram", 3), ("LB", "Pound", 2),
        ("G", "Gram", 0), ("L", "Liter", 2), ("GAL", "Gallon", 2), ("M", "Meter", 2), ("FT", "Foot", 2), ("M2", "Square Meter", 2),
        ("M3", "Cubic Meter", 3), ("TON", "Metric Ton", 3), ("ROL", "Roll", 0), ("SET", "Set", 0), ("PR", "Pair", 0), ("LOT", "Lot", 0),
    ];

    public static (string Code, string Name, int Precision) UomOf(long id) =>
        id <= Catalog.Length ? Catalog[id - 1] : ($"U{id % 100000}", $"Unit {id}", (int)(id % 3));

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("code", r => UomOf(r.Id).Code);
        yield return Field("name", r => UomOf(r.Id).Name);
        yield return Field("allowable-precision", r => UomOf(r.Id).Precision);
        yield return Field("active", r => !r.Rng.Chance("inactive", 0.05));
        foreach (var field in Audit())
            yield return field;
    }
}
