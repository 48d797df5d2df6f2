namespace CoupaSandbox.Auth;

/// <summary>Coupa scope names ("service.object.right"). Scopes follow the owning domain, not the object:
/// tax codes are core.common.read, tax registrations core.invoice.read (coupa.md §1).</summary>
internal static class Scopes
{
    public const string SupplierRead = "core.supplier.read";
    public const string PurchaseOrderRead = "core.purchase_order.read";
    public const string AccountingRead = "core.accounting.read";
    public const string CommonRead = "core.common.read";
    public const string InvoiceRead = "core.invoice.read";
    public const string InvoiceCreate = "core.invoice.create";
    public const string InvoiceWrite = "core.invoice.write";
    public const string ContractRead = "core.contract.read";
    public const string LegalEntityRead = "core.legal_entity.read";
    public const string UomRead = "core.uom.read";

    public static readonly IReadOnlyList<string> All =
    [
        AccountingRead, CommonRead, ContractRead, InvoiceCreate, InvoiceRead, InvoiceWrite,
        LegalEntityRead, PurchaseOrderRead, SupplierRead, UomRead,
    ];
}
