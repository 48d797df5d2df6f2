using System.Text.Json.Nodes;

namespace CoupaSandbox.Data.Catalogs;

/// <summary>The user stubs Coupa embeds as created-by / updated-by / requester.</summary>
internal static class Users
{
    public static readonly (long Id, string Login, string First, string Last, string? EmployeeNumber)[] All =
    [
        (1, "coupa.admin", "Coupa", "Admin", null), (7, "integration.user", "Integration", "User", null),
        (12, "jsmith", "Jane", "Smith", "E1001"), (15, "mgarcia", "María", "García", "E1017"), (21, "tnguyen", "Thanh", "Nguyễn", "E1042"),
        (26, "kmueller", "Jürgen", "Müller", "E1063"), (33, "apatel", "Anika", "Patel", "E1088"), (38, "lkowalski", "Łukasz", "Kowalski", "E1104"),
        (44, "sdubois", "François", "Dubois", "E1129"), (52, "obrien", "Siobhán", "O'Brien", "E1150"), (57, "ysato", "Yuki", "Satō", "E1177"),
        (63, "esorensen", "Erik", "Sørensen", "E1203"),
    ];

    public static JsonObject Stub(int index)
    {
        var user = All[index % All.Length];
        return new JsonObject
        {
            ["id"] = user.Id,
            ["login"] = user.Login,
            ["email"] = $"{user.Login}@contoso.example",
            ["firstname"] = user.First,
            ["lastname"] = user.Last,
            ["employee-number"] = user.EmployeeNumber,
        };
    }
}
