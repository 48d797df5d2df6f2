using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Api;

/// <summary>Writes JSON the way Coupa does: UTF-8 with non-ASCII characters unescaped, and the usual error envelope.</summary>
internal static class JsonHttp
{
    public const string ContentType = "application/json; charset=utf-8";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Serialize(JsonNode? node)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (node is null)
                writer.WriteNullValue();
            else
                node.WriteTo(writer);
        }
        return buffer.WrittenSpan.ToArray();
    }

    public static Task WriteAsync(HttpContext context, int status, JsonNode? node)
    {
        var bytes = Serialize(node);
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    /// <summary>Coupa's error shape: <c>{"errors":{"request":["message"]}}</c> (coupa.md §6).</summary>
    public static JsonObject Errors(string message) => new() { ["errors"] = new JsonObject { ["request"] = new JsonArray(message) } };

    public static Task WriteErrorAsync(HttpContext context, int status, string message) => WriteAsync(context, status, Errors(message));

    public static Writer StartStream(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = ContentType;
        return new Writer(new Utf8JsonWriter(context.Response.BodyWriter, WriterOptions));
    }

    /// <summary>Streams large arrays (admin record dumps) without holding them in memory.</summary>
    internal sealed class Writer(Utf8JsonWriter json) : IAsyncDisposable
    {
        public Utf8JsonWriter Json => json;

        public async ValueTask DisposeAsync()
        {
            await json.FlushAsync();
            await json.DisposeAsync();
        }
    }
}
