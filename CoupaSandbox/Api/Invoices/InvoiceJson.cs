using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Api.Invoices;

/// <summary>Reads JSON request bodies; a body that is not a JSON object is answered 400 here.</summary>
internal static class InvoiceJson
{
    public static async Task<JsonObject?> ReadObjectAsync(HttpContext context)
    {
        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (node is JsonObject obj)
                return obj;
        }
        catch (JsonException e)
        {
            await JsonHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, $"Malformed JSON body: {e.Message}");
            return null;
        }
        await JsonHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "The request body must be a JSON object with hyphenated keys");
        return null;
    }

    public static bool? Bool(JsonNode? node)
    {
        if (node is not JsonValue v)
            return null;
        if (v.TryGetValue<bool>(out bool b))
            return b;
        if (v.TryGetValue<JsonElement>(out var e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return e.GetBoolean();
        return v.TryGetValue<string>(out var s) && bool.TryParse(s.Trim(), out b) ? b : null;
    }

    /// <summary>Date-only or full timestamps ("2024-01-15", "2024-01-15T00:00:00-08:00"): the calendar date as written.</summary>
    public static DateOnly? Date(JsonNode? node)
    {
        string? text = Data.Invoices.ReferenceLookup.Text(node);
        if (text is null)
            return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
            return day;
        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var instant)
            ? DateOnly.FromDateTime(instant.DateTime)
            : null;
    }
}
