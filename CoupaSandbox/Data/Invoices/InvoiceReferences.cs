namespace CoupaSandbox;

/// <summary>Seeded records that together make a valid draft invoice: the supplier and currency of a purchase order that has
/// both a quantity line and an amount line, and an active chart of accounts. From <see cref="SandboxData.ValidInvoiceReferences"/>.</summary>
public sealed record InvoiceReferences(
    long SupplierId,
    string SupplierNumber,
    string SupplierName,
    string CurrencyCode,
    long AccountTypeId,
    string AccountTypeName,
    string PoNumber,
    long QuantityLineId,
    string QuantityLineNum,
    string? QuantityLineUomCode,
    long AmountLineId,
    string AmountLineNum);
