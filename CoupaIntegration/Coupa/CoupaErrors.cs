using System.Net;
using System.Text.Json;
using CoupaIntegration.Common;
using Refit;

namespace CoupaIntegration.Coupa;

/// <summary>
/// Turns a failed Coupa answer into one <see cref="IntegrationException"/> with a message a person can act on.
/// Coupa's error bodies come in two shapes: <c>{"errors":{"invoice":["…"]}}</c> and
/// <c>{"errors":{"request":[{"invoice-header":["…"]}]}}</c>; both are flattened to "field: message" lines.
/// </summary>
public static class CoupaErrors
{
    public static IntegrationException From(IApiResponse response, CoupaConnection connection, string endpoint)
    {
        // Refit wraps what a handler throws (the token cache's own, already readable failures) into the response.
        for (Exception? inner = response.Error; inner is not null; inner = inner.InnerException)
            if (inner is IntegrationException known) return known;
        var status = response.StatusCode ?? 0;
        var detail = ReadMessages((response.Error as ApiException)?.Content);
        var suffix = detail.Count > 0 ? ": " + string.Join("; ", detail) : "";
        var what = $"Coupa {connection.Instance}/{endpoint.TrimStart('/')}";
        return status switch
        {
            HttpStatusCode.Unauthorized => new IntegrationException(FailureKind.Configuration,
                $"{what} answered 401 even with a freshly minted token{suffix}."),
            HttpStatusCode.Forbidden => new IntegrationException(FailureKind.Configuration,
                $"{what} answered 403: the OAuth client lacks the scope for this endpoint (asked for '{string.Join(' ', connection.Scopes)}'){suffix}."),
            HttpStatusCode.NotFound => new IntegrationException(FailureKind.Configuration,
                $"{what} does not exist (404): check import_config.endpoint{suffix}."),
            HttpStatusCode.BadRequest => new IntegrationException(FailureKind.Configuration,
                $"{what} refused the query (400){suffix}."),
            HttpStatusCode.NotAcceptable => new IntegrationException(FailureKind.Configuration,
                $"{what} would not answer in JSON (406){suffix}."),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => new IntegrationException(FailureKind.Transient,
                $"{what} kept failing with {(int)status} after all retries{suffix}."),
            0 => new IntegrationException(FailureKind.Transient, $"{what} could not be reached after all retries.", response.Error),
            _ => new IntegrationException(FailureKind.Fatal, $"{what} answered {(int)status}{suffix}."),
        };
    }

    /// <summary>Readable "field: message" lines from either Coupa error shape; empty when the body is not one.</summary>
    public static IReadOnlyList<string> ReadMessages(string? body)
    {
        var lines = new List<string>();
        if (string.IsNullOrWhiteSpace(body)) return lines;
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("errors", out var errors))
                Collect(errors, null, lines);
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, for instance): the status code says enough.
        }
        return lines;
    }

    private static void Collect(JsonElement element, string? field, List<string> lines)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                    Collect(property.Value, property.Name == "request" ? field : property.Name, lines);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item, field, lines);
                break;
            case JsonValueKind.String:
                lines.Add(field is null ? element.GetString()! : $"{field}: {element.GetString()}");
                break;
        }
    }
}
