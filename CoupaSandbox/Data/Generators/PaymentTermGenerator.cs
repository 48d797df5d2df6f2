using CoupaSandbox.Auth;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/payment_terms: the common real-world terms first, then synthetic "Net N" terms if more are requested.</summary>
internal sealed class PaymentTermGenerator() : ResourceGenerator("payment_terms", Scopes.CommonRead, "code")
{
    private sealed record Term(string Code, string Type, int? Net, int? DiscountDays, double? DiscountRate, int? NetDueDay = null);

    private static readonly Term[] Catalog =
    [
        new("Net 30", "DaysAfterNetPaymentTerm", 30, null, null), new("2/10 Net 30", "DaysAfterNetPaymentTerm", 30, 10, 2.0),
        new("Net 45", "DaysAfterNetPaymentTerm", 45, null, null), new("Net 60", "DaysAfterNetPaymentTerm", 60, null, null),
        new("Net 15", "DaysAfterNetPaymentTerm", 15, null, null), new("Net 90", "DaysAfterNetPaymentTerm", 90, null, null),
        new("Due on Receipt", "DaysAfterNetPaymentTerm", 0, null, null), new("1/15 Net 45", "DaysAfterNetPaymentTerm", 45, 15, 1.0),
        new("EOM", "DaysToBaseEomPaymentTerm", 0, null, null), new("Net 30 EOM", "BaseEomToDaysPaymentTerm", 30, null, null),
        new("15th Following Month", "SpecificDayPaymentTerm", null, null, null, 15), new("Net 10", "DaysAfterNetPaymentTerm", 10, null, null),
        new("Net 7", "DaysAfterNetPaymentTerm", 7, null, null), new("3/10 Net 60", "DaysAfterNetPaymentTerm", 60, 10, 3.0),
        new("Net 120", "DaysAfterNetPaymentTerm", 120, null, null), new("2/15 Net 45", "DaysAfterNetPaymentTerm", 45, 15, 2.0),
    ];

    private static Term TermOf(long id) =>
        id <= Catalog.Length ? Catalog[id - 1] : new Term($"Net {id % 12 * 5 + 5} ({id})", "DaysAfterNetPaymentTerm", (int)(id % 12 * 5 + 5), null, null);

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("code", r => TermOf(r.Id).Code);
        yield return Field("description", r => TermOf(r.Id).Code);
        yield return Field("active", r => !r.Rng.Chance("inactive", 0.05));
        yield return Field("type", r => TermOf(r.Id).Type);
        yield return Field("days-for-net-payment", r => TermOf(r.Id).Net);
        yield return Field("days-for-discount-payment", r => TermOf(r.Id).DiscountDays);
        yield return Field("discount-rate", r => TermOf(r.Id).DiscountRate);
        yield return Field("net-due-day", r => TermOf(r.Id).NetDueDay);
        yield return Field("net-due-month", r => TermOf(r.Id).NetDueDay is null ? null : 1);
        yield return Field("net-cutoff-day", _ => null);
        yield return Field("discount-due-day", _ => null);
        yield return Field("discount-due-month", _ => null);
        yield return Field("discount-cutoff-day", _ => null);
        foreach (var field in Audit())
            yield return field;
    }
}
