using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data.Catalogs;

namespace CoupaSandbox.Data.Generators;

/// <summary>/api/lookup_values: three-level trees computed from the id alone. Ids come in blocks of 13: one root
/// (depth 1), three children (depth 2), nine grandchildren (depth 3). A parent always has a smaller id, and each block
/// belongs to one lookup, so a million values need no index at all.</summary>
internal sealed class LookupValueGenerator() : ResourceGenerator("lookup_values", Scopes.CommonRead, "name", "external-ref-code")
{
    private const int Block = 13;

    protected override int BatchSize => 26; // values are bulk-loaded two trees at a time

    private static (long Block, int Position) Locate(long id) => ((id - 1) / Block, (int)((id - 1) % Block));

    public static int DepthOf(long id) => Locate(id).Position switch { 0 => 1, <= 3 => 2, _ => 3 };

    public static long? ParentOf(long id)
    {
        var (block, position) = Locate(id);
        long root = block * Block + 1;
        return position switch { 0 => null, <= 3 => root, _ => root + 1 + (position - 4) / 3 };
    }

    private static (long Id, string Name, string Prefix, bool TiedToChartOfAccounts) LookupOf(long id) => Lookups.All[Locate(id).Block % Lookups.All.Length];

    public static string NameOf(long id)
    {
        var (block, position) = Locate(id);
        string root = $"{LookupOf(id).Prefix}{block + 1:D6}";
        return position switch { 0 => root, <= 3 => $"{root}-{position}", _ => $"{root}-{1 + (position - 4) / 3}-{1 + (position - 4) % 3}" };
    }

    private string DescriptionOf(long id)
    {
        var rng = SeedOf(id).Rng;
        string own = DepthOf(id) switch
        {
            1 => rng.Pick("department", Words.Departments),
            2 => rng.Pick("region", Words.Regions),
            _ => rng.Pick("city", Countries.All).Cities[0].City,
        };
        return ParentOf(id) is long parent ? $"{DescriptionOf(parent)} / {own}" : own;
    }

    private long? AccountTypeOf(long id)
    {
        long accountTypes = Data.SeededCount("account_types");
        var lookup = LookupOf(id);
        return lookup.TiedToChartOfAccounts && accountTypes > 0 ? (lookup.Id - 1) % accountTypes + 1 : null;
    }

    /// <summary>The parent as Coupa embeds it, itself carrying its parent: two levels of nesting for depth-3 values.</summary>
    private JsonObject? ParentStub(long? parentId)
    {
        if (parentId is not long id)
            return null;
        var view = Data.View(Name, id);
        return new JsonObject
        {
            ["id"] = id,
            ["name"] = view.Get("name"),
            ["external-ref-num"] = view.Get("external-ref-num"),
            ["external-ref-code"] = view.Get("external-ref-code"),
            ["depth"] = DepthOf(id),
            ["parent"] = ParentStub(ParentOf(id)),
        };
    }

    protected override IEnumerable<FieldDef> Define()
    {
        foreach (var field in Identity())
            yield return field;
        yield return Field("name", r => NameOf(r.Id));
        yield return Field("description", r => DescriptionOf(r.Id));
        yield return Field("external-ref-num", r => $"LV{r.Id:D8}");
        yield return Field("external-ref-code", r => NameOf(r.Id));
        yield return Field("active", r => !r.Rng.Chance("inactive", 0.06));
        yield return Field("is-default", r => r.Id == 1);
        yield return Field("depth", r => DepthOf(r.Id));
        yield return Association("lookup", r => new JsonObject { ["id"] = LookupOf(r.Id).Id, ["name"] = LookupOf(r.Id).Name });
        yield return Field("lookup-id", r => LookupOf(r.Id).Id);
        yield return Association("parent", r => ParentStub(ParentOf(r.Id)));
        yield return Field("parent-id", r => ParentOf(r.Id));
        yield return Association("account-type", r => Data.Stub("account_types", AccountTypeOf(r.Id), "id", "name"));
        foreach (var field in Audit())
            yield return field;
        yield return Association("custom-fields", r => new JsonObject
        {
            ["cf-sap-code"] = $"{LookupOf(r.Id).Prefix}-{r.Rng.Digits("sap", 5)}",
            ["cf-owner-email"] = r.Rng.Chance("owner", 0.3) ? Users.Stub(r.Rng.Int("owner-user", 0, Users.All.Length))["email"]?.DeepClone() : null,
        });
    }
}
