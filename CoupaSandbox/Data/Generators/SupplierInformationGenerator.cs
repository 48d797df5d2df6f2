using System.Text.Json.Nodes;
using CoupaSandbox.Auth;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/supplier_information: the supplier-managed profile (SIM) behind a supplier. Record n describes supplier
/// n (wrapping around), and copies its name and terms from the live supplier so the two never disagree.</summary>
internal sealed class SupplierInformationGenerator() : ResourceGenerator("supplier_information", Scopes.SupplierRead, "name")
{
    private static readonly string[] Sources = ["Supplier Portal", "Manual", "CSV Import"];
    private static readonly string[] Statuses = ["approved", "approved", "approved", "approved", "pending_approval", "draft", "rejected"];

    private long? SupplierOf(long id)
    {
        long suppliers = Data.SeededCount("suppliers");
        return suppliers == 0 ? null : (id - 1) % suppliers + 1;
    }

    private JsonNode? FromSupplier(long id, string field) =>
        SupplierOf(id) is long supplier ? Data.View("suppliers", supplier).Get(field) : null;

    /// <summary>Name and terms mirror the supplier, so the visible change is the profile moving through its workflow.</summary>
    public override IEnumerable<KeyValuePair<string, JsonNode?>> Revise(RecordView current, int revision)
    {
        int index = Array.IndexOf(Statuses, JsonNodes.AsString(current.Get("status")));
        yield return KeyValuePair.Create<string, JsonNode?>("status", Statuses[(Math.Max(index, 0) + 3 + revision) % Statuses.Length]);
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("name", r => FromSupplier(r.Id, "name"));
        yield return Field("display-name", r => FromSupplier(r.Id, "display-name"));
        yield return Field("status", r => r.Rng.Pick("status", Statuses));
        yield return Association("supplier", r => Data.Stub("suppliers", SupplierOf(r.Id), "id", "name", "number"));
        yield return Field("tax-id", r => FromSupplier(r.Id, "tax-id"));
        yield return Field("duns-number", r => FromSupplier(r.Id, "duns"));
        yield return Field("website", r => SupplierOf(r.Id) is long s ? $"https://www.{Domain(s)}.example.com" : null);
        yield return Field("invoice-matching-level", r => FromSupplier(r.Id, "invoice-matching-level"));
        yield return Association("payment-term", r => FromSupplier(r.Id, "payment-term"));
        yield return Association("primary-address", r => FromSupplier(r.Id, "primary-address"));
        foreach (var field in Audit())
            yield return field;
        yield return Association("custom-fields", r => new JsonObject
        {
            ["cf-onboarding-source"] = r.Rng.Pick("source", Sources),
        });
    }

    private string Domain(long supplier) => Catalogs.Words.Slug(Data.Generator<SupplierGenerator>().BaseName(supplier));
}
