namespace CoupaIntegration.Rossum.Setup;

public enum HookKind
{
    Import,
    Export,
    DuplicateCheck,
}

/// <summary>What one of our hooks is for: an import type, the export, or the duplicate check. Its key is the marker.</summary>
public sealed record HookRole(HookKind Kind, string? ImportType = null)
{
    public static readonly HookRole Export = new(HookKind.Export);
    public static readonly HookRole DuplicateCheck = new(HookKind.DuplicateCheck);

    public static HookRole Import(string type) => new(HookKind.Import, type);

    /// <summary>Stored in the hook's metadata: <c>import:purchase_orders</c>, <c>export:invoice</c>, <c>export:duplicate_check</c>.</summary>
    public string Key => Kind switch
    {
        HookKind.Import => "import:" + ImportType,
        HookKind.Export => "export:invoice",
        _ => "export:duplicate_check",
    };

    /// <summary>For tables: the import type, <c>export</c> or <c>duplicate-check</c>.</summary>
    public string Label => Kind switch
    {
        HookKind.Import => ImportType!,
        HookKind.Export => "export",
        _ => "duplicate-check",
    };

    public static HookRole? Parse(string? key) => key switch
    {
        "export:invoice" => Export,
        "export:duplicate_check" => DuplicateCheck,
        ['i', 'm', 'p', 'o', 'r', 't', ':', .. var type] when type.Length > 0 => Import(type),
        _ => null,
    };

    public override string ToString() => Key;
}
