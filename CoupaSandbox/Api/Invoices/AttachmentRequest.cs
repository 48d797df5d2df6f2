using System.Text.Json.Nodes;
using CoupaSandbox.Data.Invoices;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Api.Invoices;

/// <summary>A POST /api/invoices/{id}/attachments body, from multipart (<c>attachment[type]</c>, <c>attachment[file]</c>,
/// <c>attachment[intent]</c>, …) or JSON (<c>{"type":"url","url":…,"intent":…}</c>, optionally wrapped in "attachment").</summary>
internal sealed record AttachmentRequest(string? Type, string? Url, string? Text, string? Intent, SandboxUpload? File)
{
    private static readonly string[] Types = ["file", "url", "text"];

    /// <summary>Null when an answer (400) was already written.</summary>
    public static async Task<AttachmentRequest?> ReadAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            string? Field(string name) => form[$"attachment[{name}]"].LastOrDefault() is { Length: > 0 } v ? v : null;
            var file = form.Files.GetFile("attachment[file]") is { } f ? await InvoiceFileEndpoints.ReadUploadAsync(f, context.RequestAborted) : null;
            return new AttachmentRequest(Field("type"), Field("url"), Field("text"), Field("intent"), file);
        }
        var body = await InvoiceJson.ReadObjectAsync(context);
        if (body is null)
            return null;
        var source = body["attachment"] as JsonObject ?? body;
        return new AttachmentRequest(ReferenceLookup.Text(source["type"]), ReferenceLookup.Text(source["url"]),
            ReferenceLookup.Text(source["text"]), ReferenceLookup.Text(source["intent"]), null);
    }

    public List<string> Validate()
    {
        var problems = new List<string>();
        if (Type is null)
            problems.Add("Type can't be blank");
        else if (!Types.Contains(Type.ToLowerInvariant()))
            problems.Add($"Type '{Type}' is not included in the list (file, url, text)");
        else if (Type.Equals("file", StringComparison.OrdinalIgnoreCase) && File is null)
            problems.Add("File can't be blank: send multipart/form-data with the field 'attachment[file]'");
        else if (Type.Equals("url", StringComparison.OrdinalIgnoreCase) && !InvoiceFileEndpoints.IsHttpUrl(Url))
            problems.Add("Url must start with http:// or https://");
        else if (Type.Equals("text", StringComparison.OrdinalIgnoreCase) && Text is null)
            problems.Add("Text can't be blank");
        if (Intent is { Length: > 40 })
            problems.Add("Intent is too long (maximum is 40 characters)");
        return problems;
    }

    public JsonObject ToJson(long id, string createdAt, string fileUrl)
    {
        string type = Type!.ToLowerInvariant();
        return new JsonObject
        {
            ["id"] = id,
            ["created-at"] = createdAt,
            ["updated-at"] = createdAt,
            ["type"] = type,
            ["intent"] = Intent,
            ["url"] = type == "url" ? Url : null,
            ["text"] = type == "text" ? Text : null,
            ["file"] = File?.FileName,
            ["file-url"] = type == "file" ? fileUrl : null,
            ["file-content-type"] = File?.ContentType,
            ["file-size"] = File?.Size,
        };
    }
}
