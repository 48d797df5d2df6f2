using System.Text.Json;
using CoupaIntegration.Common;
using Refit;

namespace CoupaIntegration.Rossum.Api;

/// <summary>
/// A failed Rossum API answer as one <see cref="IntegrationException"/> naming what we were doing and what to fix.
/// Rossum's error bodies are Django REST framework's (<c>{"detail":"…"}</c> or field → messages); they are quoted
/// after known secrets are masked, since a validation message may echo a value it was sent.
/// </summary>
public static class RossumApiErrors
{
    public static IntegrationException From(int status, string? body, Uri apiRoot, string operation, SecretRedactor redactor)
    {
        var said = Describe(body) is { } text ? ": " + redactor.Redact(text) : "";
        var where = $"Rossum API at {apiRoot.GetLeftPart(UriPartial.Authority)}";
        return status switch
        {
            401 => new IntegrationException(FailureKind.Configuration,
                $"{where} refused the token while {operation} (401{said}): pass an API token of a user of the organisation (--token or ROSSUM_API_TOKEN)."),
            403 => new IntegrationException(FailureKind.Configuration,
                $"{where} answered 403 while {operation}{said}: the token's user needs the admin role to manage extensions."),
            404 => new IntegrationException(FailureKind.Configuration,
                $"{where} answered 404 while {operation}{said}: check --rossum-url (the organisation's address, e.g. https://acme.rossum.app)."),
            400 or 409 or 422 => new IntegrationException(FailureKind.BadRequest, $"{where} refused {operation} ({status}){said}."),
            0 => new IntegrationException(FailureKind.Transient, $"{where} could not be reached while {operation}."),
            >= 500 or 408 or 429 => new IntegrationException(FailureKind.Transient, $"{where} kept failing with {status} while {operation}{said}; try again later."),
            _ => new IntegrationException(FailureKind.Fatal, $"{where} answered {status} while {operation}{said}."),
        };
    }

    public static IntegrationException From(IApiResponse response, Uri apiRoot, string operation, SecretRedactor redactor) =>
        response.IsSuccessStatusCode && response.Error is not null
            ? new IntegrationException(FailureKind.Fatal, $"Rossum API at {apiRoot.GetLeftPart(UriPartial.Authority)} answered {operation} with JSON we could not read ({response.Error.Message}).")
            : From((int)(response.StatusCode ?? 0), (response.Error as ApiException)?.Content, apiRoot, operation, redactor);

    /// <summary>DRF's <c>detail</c>, or its field errors as "field: message; …", or null; at most 400 characters.</summary>
    public static string? Describe(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Truncate(root.GetRawText());
            if (root.TryGetProperty("detail", out var detail))
                return Truncate(detail.ValueKind == JsonValueKind.String ? detail.GetString()! : detail.GetRawText());
            var fields = root.EnumerateObject().Select(p => $"{p.Name}: {Flatten(p.Value)}");
            return Truncate(string.Join("; ", fields));
        }
        catch (JsonException)
        {
            // An HTML error page from a proxy: the status code says enough.
            return null;
        }
    }

    private static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Array => string.Join(" ", value.EnumerateArray().Select(Flatten)),
        JsonValueKind.Object => "{" + string.Join("; ", value.EnumerateObject().Select(p => $"{p.Name}: {Flatten(p.Value)}")) + "}",
        _ => value.GetRawText(),
    };

    private static string Truncate(string text) => text.Length <= 400 ? text : text[..400] + "…";

    public static bool IsUnreachable(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && e is HttpRequestException or TimeoutException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException;
}
