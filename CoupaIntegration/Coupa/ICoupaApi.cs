using System.Text.Json;
using System.Text.Json.Nodes;
using Refit;

namespace CoupaIntegration.Coupa;

/// <summary>
/// The Coupa Core API as this product uses it (https://compass.coupa.com, "The Coupa Core API").
/// The connection (instance, client, scopes) travels with each call as a request property so one pooled
/// handler pipeline serves every Coupa instance; <see cref="CoupaAuthHandler"/> turns it into a bearer token.
/// </summary>
[Headers("Accept: application/json")]
public interface ICoupaApi
{
    /// <summary>
    /// Queries a collection such as <c>api/suppliers</c>: at most 50 records, keys hyphenated, decimals as strings.
    /// Query keys are Coupa's own (<c>fields</c>, <c>limit</c>, <c>order_by</c>, <c>updated-at[gt_or_eq]</c>, …).
    /// </summary>
    [Get("/{**endpoint}")]
    Task<IApiResponse<JsonElement>> QueryAsync(
        string endpoint,
        [Query] IDictionary<string, string> query,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);

    /// <summary>Invoices of one supplier with one number (Coupa's unique pair); <c>fields</c> keeps the answer small.</summary>
    [Get("/api/invoices")]
    Task<IApiResponse<JsonElement>> FindInvoicesAsync(
        [AliasAs("invoice_number")] string invoiceNumber,
        [AliasAs("supplier_id")] string supplierId,
        [AliasAs("fields")] string fields,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);

    /// <summary>One invoice, e.g. with <c>fields=["id","status","image-scan-url",{"attachments":["id","url"]}]</c>.</summary>
    [Get("/api/invoices/{id}")]
    Task<IApiResponse<JsonElement>> GetInvoiceAsync(
        long id,
        [AliasAs("fields")] string fields,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);

    /// <summary>Creates a draft invoice or credit note (201 with the invoice).</summary>
    [Post("/api/invoices")]
    Task<IApiResponse<JsonElement>> CreateInvoiceAsync(
        [Body] JsonObject invoice,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);

    /// <summary>Uploads the original document as the invoice's image scan (multipart field <c>file</c>).</summary>
    [Multipart]
    [Put("/api/invoices/{id}/image_scan")]
    Task<IApiResponse<JsonElement>> PutImageScanAsync(
        long id,
        [AliasAs("file")] StreamPart file,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);

    [Get("/api/invoices/{id}/attachments")]
    Task<IApiResponse<JsonElement>> GetAttachmentsAsync(
        long id,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);

    /// <summary>Adds an attachment, here a URL one: <c>{"type":"url","url":"…","intent":"Internal"}</c>.</summary>
    [Post("/api/invoices/{id}/attachments")]
    Task<IApiResponse<JsonElement>> AddAttachmentAsync(
        long id,
        [Body] JsonObject attachment,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);

    /// <summary>Submits a draft for approval.</summary>
    [Put("/api/invoices/{id}/submit")]
    Task<IApiResponse<JsonElement>> SubmitInvoiceAsync(
        long id,
        [Property(CoupaConnection.RequestOptionKey)] CoupaConnection connection,
        CancellationToken cancellationToken = default);
}
