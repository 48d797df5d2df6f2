using System.Text.Json.Nodes;

namespace CoupaSandbox.Api.Invoices;

/// <summary>A POST /api/invoices body that passed validation, with every reference resolved to a record id.</summary>
internal sealed record InvoiceDraft(
    string InvoiceNumber,
    DateOnly InvoiceDate,
    long SupplierId,
    long CurrencyId,
    long AccountTypeId,
    long? PaymentTermId,
    bool LineLevelTaxation,
    bool IsCreditNote,
    string? OriginalInvoiceNumber,
    DateOnly? OriginalInvoiceDate,
    IReadOnlyList<InvoiceLineDraft> Lines,
    JsonObject Body);
