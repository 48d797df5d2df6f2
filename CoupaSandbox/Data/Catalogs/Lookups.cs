namespace CoupaSandbox.Data.Catalogs;

/// <summary>Lookups (the lists that lookup values belong to). Not a resource of their own; embedded as {id, name}.</summary>
internal static class Lookups
{
    public static readonly (long Id, string Name, string Prefix, bool TiedToChartOfAccounts)[] All =
    [
        (1, "Cost Center", "CC", true), (2, "Department", "DEP", true), (3, "Project", "PRJ", false), (4, "GL Account", "GL", true),
        (5, "Location", "LOC", false), (6, "Product Line", "PL", false), (7, "Region", "REG", true), (8, "Business Unit", "BU", true),
    ];
}
