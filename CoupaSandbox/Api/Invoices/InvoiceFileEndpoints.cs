using System.Text.Json.Nodes;
using CoupaSandbox.Auth;
using CoupaSandbox.Data;
using CoupaSandbox.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Files of an invoice (coupa.md §7): the image scan (PUT multipart field <c>file</c>, or a JSON
/// <c>image-scan-url</c>) and attachments (multipart <c>attachment[file]</c>/<c>attachment[type]</c>, or JSON url/text).</summary>
internal static class InvoiceFileEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPut("/api/invoices/{id}/image_scan", (RequestDelegate)ImageScanAsync);
        app.MapGet("/api/invoices/{id}/retrieve_image_scan", (RequestDelegate)RetrieveImageScanAsync);
        app.MapPost("/api/invoices/{id}/attachments", (RequestDelegate)AddAttachmentAsync);
        app.MapGet("/api/invoices/{id}/attachments", (RequestDelegate)ListAttachmentsAsync);
        app.MapGet("/api/invoices/{id}/attachments/{attachmentId}", (RequestDelegate)ShowAttachmentAsync);
    }

    /// <summary>Image Scan is a core.invoice.write permission only (coupa.md §1), unlike create/submit.</summary>
    private static async Task ImageScanAsync(HttpContext context)
    {
        if (await InvoiceRoute.ResolveAsync(context, Scopes.InvoiceWrite) is not long id)
            return;
        var data = context.Sandbox().Data;
        List<KeyValuePair<string, JsonNode?>> changes;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (form.Files.GetFile("file") is not { } file)
            {
                await WriteInvoiceErrorAsync(context, "Image scan can't be blank: send multipart/form-data with the field 'file'");
                return;
            }
            var upload = await ReadUploadAsync(file, context.RequestAborted);
            data.InvoiceBook.SetImageScan(id, upload);
            changes = ImageScanFields(upload.FileName, upload.ContentType, upload.Size,
                InvoiceRoute.Url(context, $"/api/invoices/{id}/retrieve_image_scan"));
        }
        else if (IsJson(context.Request))
        {
            var body = await InvoiceJson.ReadObjectAsync(context);
            if (body is null)
                return;
            string? url = Data.Invoices.ReferenceLookup.Text(body["image-scan-url"]);
            if (!IsHttpUrl(url))
            {
                await WriteInvoiceErrorAsync(context, "Image scan url must start with http:// or https://");
                return;
            }
            changes = ImageScanFields(null, null, null, url);
        }
        else
        {
            await WriteInvoiceErrorAsync(context, "Image scan can't be blank: send multipart/form-data with the field 'file'");
            return;
        }
        data.Mutator.SetFields(data.Store("invoices"), id, changes);
        if (AfterCommit.DropIfInjected(context))
            return;
        await InvoiceRoute.WriteInvoiceAsync(context, StatusCodes.Status200OK, id);
    }

    private static async Task RetrieveImageScanAsync(HttpContext context)
    {
        if (await InvoiceRoute.ResolveAsync(context, Scopes.InvoiceRead, Scopes.InvoiceWrite) is not long id)
            return;
        if (context.Sandbox().Data.InvoiceBook.ImageScanOf(id) is not { } scan)
        {
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Invoice {id} has no image scan");
            return;
        }
        context.Response.ContentType = scan.ContentType;
        context.Response.ContentLength = scan.Size;
        await context.Response.Body.WriteAsync(scan.Content, context.RequestAborted);
    }

    private static async Task AddAttachmentAsync(HttpContext context)
    {
        if (await InvoiceRoute.ResolveAsync(context, Scopes.InvoiceCreate, Scopes.InvoiceWrite) is not long id)
            return;
        var request = await AttachmentRequest.ReadAsync(context);
        if (request is null)
            return;
        if (request.Validate() is { Count: > 0 } problems)
        {
            await JsonHttp.WriteAsync(context, StatusCodes.Status400BadRequest, InvoiceErrors.Flat("attachment", [.. problems]));
            return;
        }
        var data = context.Sandbox().Data;
        string now = data.Clock.Format(data.Clock.Now());
        var json = data.InvoiceBook.AddAttachment(id, attachmentId => request.ToJson(attachmentId, now,
            InvoiceRoute.Url(context, $"/api/invoices/{id}/attachments/{attachmentId}")), request.File);
        if (AfterCommit.DropIfInjected(context))
            return;
        await JsonHttp.WriteAsync(context, StatusCodes.Status201Created, json);
    }

    private static async Task ListAttachmentsAsync(HttpContext context)
    {
        if (await InvoiceRoute.ResolveAsync(context, Scopes.InvoiceRead, Scopes.InvoiceCreate, Scopes.InvoiceWrite) is not long id)
            return;
        var list = context.Sandbox().Data.InvoiceBook.AttachmentsOf(id);
        await JsonHttp.WriteAsync(context, StatusCodes.Status200OK, new JsonArray([.. list.Select(a => JsonNodes.ToNode(a.Json))]));
    }

    private static async Task ShowAttachmentAsync(HttpContext context)
    {
        if (await InvoiceRoute.ResolveAsync(context, Scopes.InvoiceRead, Scopes.InvoiceCreate, Scopes.InvoiceWrite) is not long id)
            return;
        string raw = (string?)context.GetRouteValue("attachmentId") ?? "";
        var match = context.Sandbox().Data.InvoiceBook.AttachmentsOf(id)
            .FirstOrDefault(a => a.Json.TryGetProperty("id", out var value) && value.ToString() == raw);
        if (match is null)
        {
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status404NotFound, $"Couldn't find attachments with 'id'={raw}");
            return;
        }
        await JsonHttp.WriteAsync(context, StatusCodes.Status200OK, JsonNodes.ToNode(match.Json));
    }

    internal static async Task<SandboxUpload> ReadUploadAsync(IFormFile file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new SandboxUpload(file.FileName, string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType, buffer.ToArray());
    }

    internal static bool IsHttpUrl(string? url) =>
        url is not null && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(url, UriKind.Absolute, out _);

    internal static bool IsJson(HttpRequest request) => request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;

    private static List<KeyValuePair<string, JsonNode?>> ImageScanFields(string? fileName, string? contentType, long? size, string? url) =>
    [
        KeyValuePair.Create<string, JsonNode?>("image-scan", fileName),
        KeyValuePair.Create<string, JsonNode?>("image-scan-file-name", fileName),
        KeyValuePair.Create<string, JsonNode?>("image-scan-content-type", contentType),
        KeyValuePair.Create<string, JsonNode?>("image-scan-file-size", size),
        KeyValuePair.Create<string, JsonNode?>("image-scan-url", url),
    ];

    private static Task WriteInvoiceErrorAsync(HttpContext context, string message) =>
        JsonHttp.WriteAsync(context, StatusCodes.Status400BadRequest, InvoiceErrors.Flat("invoice", message));
}
