using System.Text.Json.Nodes;
using CoupaSandbox.Data.Invoices;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Stores a validated draft unless its supplier already has an invoice with that number. Check and insert run
/// under the invoices' write lock, so two concurrent POSTs of the same invoice (a client retrying after a timeout while
/// the first is still in flight) create exactly one.</summary>
internal static class InvoiceWriter
{
    public const string DuplicateMessage = "Invoice # has already been taken";

    /// <summary>The new id, or null when the number is taken for this supplier (seeded or posted, any status: voided
    /// invoices still block the number, the conservative instance setting of coupa.md §7).</summary>
    public static long? Insert(SandboxData data, InvoiceDraft draft)
    {
        var store = data.Store("invoices");
        lock (store.WriteLock)
        {
            if (FindDuplicate(data, draft.InvoiceNumber, draft.SupplierId) is not null)
                return null;
            long id = data.Mutator.InsertDocument(store, (newId, now) => InvoiceDocumentBuilder.Build(draft, newId, now, data));
            data.InvoiceBook.RecordCreated(id);
            return id;
        }
    }

    public static long? FindDuplicate(SandboxData data, string invoiceNumber, long supplierId)
    {
        var store = data.Store("invoices");
        for (long id = 1; id <= store.MaxId; id++)
        {
            var view = store.View(id);
            if (string.Equals(ReferenceLookup.Text(view.Get("invoice-number")), invoiceNumber, StringComparison.OrdinalIgnoreCase)
                && view.Get("supplier") is JsonObject supplier && ReferenceLookup.IdOf(supplier) == supplierId)
            {
                return id;
            }
        }
        return null;
    }
}
