using System.Text.Json.Nodes;
using CoupaSandbox.Data.Invoices;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Validates a POST /api/invoices body in two passes, as Coupa reports them: header problems (required fields,
/// unknown supplier/currency/chart of accounts) in the flat shape first; only a sound header gets its credit-note rules and
/// lines checked, reported in the nested shape. The duplicate-number check needs the write lock and lives in InvoiceWriter.</summary>
internal static class InvoiceValidator
{
    public static InvoiceDraft? Validate(JsonObject body, SandboxData data, InvoiceErrors errors)
    {
        string? number = ReferenceLookup.Text(body["invoice-number"]);
        if (number is null)
            errors.AddFlat("Invoice # can't be blank");
        else if (number.Length > 40)
            errors.AddFlat("Invoice # is too long (maximum is 40 characters)");

        DateOnly? invoiceDate = JsonInvoiceDate(body["invoice-date"], "Invoice Date", errors);
        long? supplier = Reference(body["supplier"], "Supplier", data.References.Supplier, errors);
        long? currency = Reference(body["currency"], "Currency", data.References.Currency, errors);
        long? accountType = Reference(body["account-type"], "Chart of accounts", data.References.AccountType, errors);
        long? paymentTerm = body["payment-term"] is null ? null : Reference(body["payment-term"], "Payment term", data.References.PaymentTerm, errors);

        bool? lineLevel = InvoiceJson.Bool(body["line-level-taxation"]);
        if (lineLevel is null)
            errors.AddFlat("Line level taxation can't be blank");
        if (body["invoice-lines"] is not JsonArray { Count: > 0 } lines)
        {
            errors.AddFlat("Invoice lines can't be blank");
            return null;
        }
        if (errors.HasFlat)
            return null;

        bool isCredit = InvoiceJson.Bool(body["is-credit-note"]) == true
            || string.Equals(ReferenceLookup.Text(body["document-type"]), "Credit Note", StringComparison.OrdinalIgnoreCase);
        string? originalNumber = ReferenceLookup.Text(body["original-invoice-number"]);
        DateOnly? originalDate = InvoiceJson.Date(body["original-invoice-date"]);
        if (isCredit)
        {
            if (originalNumber is null)
                errors.AddNested(InvoiceErrors.Header, "Original Invoice Number can't be blank");
            if (originalDate is null)
                errors.AddNested(InvoiceErrors.Header, "Original Invoice Date can't be blank");
        }

        var drafts = new List<InvoiceLineDraft>();
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i] is not JsonObject line)
            {
                errors.AddNested(InvoiceErrors.Lines, "Invoice line must be an object");
                continue;
            }
            if (InvoiceLineValidator.Validate(line, i, data, errors) is { } draft)
                drafts.Add(draft);
        }
        if (isCredit && drafts.Any(d => d.Total >= 0m))
            errors.AddNested(InvoiceErrors.Lines, "Total must be negative, make price/quantity negative");
        if (errors.HasNested)
            return null;

        return new InvoiceDraft(number!, invoiceDate!.Value, supplier!.Value, currency!.Value, accountType!.Value, paymentTerm,
            lineLevel!.Value, isCredit, originalNumber, originalDate, drafts, body);
    }

    private static DateOnly? JsonInvoiceDate(JsonNode? node, string label, InvoiceErrors errors)
    {
        if (ReferenceLookup.Text(node) is null)
        {
            errors.AddFlat($"{label} can't be blank");
            return null;
        }
        var date = InvoiceJson.Date(node);
        if (date is null)
            errors.AddFlat($"{label} is invalid (send a date such as 2024-01-15)");
        return date;
    }

    /// <summary>An association given as an object ({"id":…} or a natural key): blank and unknown references are header errors.</summary>
    private static long? Reference(JsonNode? node, string label, Func<JsonObject, long?> find, InvoiceErrors errors)
    {
        if (node is not JsonObject reference || reference.Count == 0)
        {
            errors.AddFlat($"{label} can't be blank");
            return null;
        }
        long? id = find(reference);
        if (id is null)
            errors.AddFlat($"{label} {reference.ToJsonString()} does not exist");
        return id;
    }
}
