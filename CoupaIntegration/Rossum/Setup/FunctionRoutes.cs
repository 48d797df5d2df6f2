using System.Text.RegularExpressions;
using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// Our functions' URLs (CoupaFunctions/Functions and `coupa serve` share the routes) with the function key as
/// <c>?code=</c>, which is how Azure Functions takes a key in the URL; and the same URLs with the key masked.
/// </summary>
public static partial class FunctionRoutes
{
    public const string ExportInvoice = "api/export/invoice";
    public const string DuplicateCheck = "api/export/duplicate-check";

    /// <summary><c>purchase_orders</c> → <c>api/import/purchase-orders</c>, the route of ImportPurchaseOrders.</summary>
    public static string Import(string type) => "api/import/" + type.Replace('_', '-');

    public static string PathFor(HookRole role) => role.Kind switch
    {
        HookKind.Import => Import(role.ImportType!),
        HookKind.Export => ExportInvoice,
        _ => DuplicateCheck,
    };

    /// <summary>The function app's root (<c>https://app.azurewebsites.net</c>, or a path under it) plus the route and key.</summary>
    public static string Url(Uri functionApp, HookRole role, Secret? functionKey)
    {
        var root = functionApp.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
        var url = root + PathFor(role);
        return functionKey is { IsEmpty: false } key ? url + "?code=" + Uri.EscapeDataString(key.Reveal()) : url;
    }

    /// <summary>The URL as a person may see it: <c>code=***</c>.</summary>
    public static string Mask(string? url) => url is null ? "" : CodeParameter().Replace(url, "${name}=***");

    /// <summary>The URL without its query: what identifies the function whatever key a hook carries.</summary>
    public static string WithoutQuery(string url) => url.Split('?', 2)[0].TrimEnd('/');

    [GeneratedRegex("(?<name>[?&]code)=[^&#]*", RegexOptions.IgnoreCase)]
    private static partial Regex CodeParameter();
}
