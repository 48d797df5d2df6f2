using System.Text.Json.Nodes;

namespace CoupaSandbox.Api.Invoices;

/// <summary>One validated invoice line: amounts computed, PO references resolved to an order line id where given.</summary>
internal sealed record InvoiceLineDraft(
    int LineNum,
    string Type,
    string Description,
    decimal Price,
    decimal? Quantity,
    decimal Total,
    JsonObject? Uom,
    JsonNode? Account,
    long? OrderLineId,
    string? PoNumber,
    string? OrderLineNum,
    JsonArray TaxLines,
    decimal TaxAmount,
    JsonObject Source);
