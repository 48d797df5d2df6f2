using System.Net;
using System.Text.Json;
using CoupaIntegration.Common;
using Refit;

namespace CoupaIntegration.Rossum.DataStorage;

/// <summary>
/// Turns a failed Data Storage answer (after retries) into one <see cref="IntegrationException"/>. Error bodies are
/// <c>{"code":"error","message":"…"}</c>, or a validation <c>{"detail":…}</c> for a 422; the message is quoted.
/// 401 is not here: it goes through the token source first and then <see cref="RossumTokenExpiredException"/>.
/// </summary>
public static class DataStorageErrors
{
    public static DataStorageRequestException From(IApiResponse response, Uri baseUrl, string operation)
    {
        var status = response.StatusCode ?? 0;
        var said = ReadMessage((response.Error as ApiException)?.Content);
        var suffix = said is null ? "" : $": {said}";
        var what = $"Rossum Data Storage at {baseUrl.GetLeftPart(UriPartial.Authority)}, {operation},";
        return status switch
        {
            >= HttpStatusCode.OK and < HttpStatusCode.Ambiguous => new DataStorageRequestException(status, FailureKind.Fatal,
                $"{what} answered {(int)status} with a body that is not its JSON envelope.", response.Error),
            HttpStatusCode.Forbidden => new DataStorageRequestException(status, FailureKind.Configuration,
                $"{what} answered 403{suffix}. The hook's token owner needs the admin role to use Master Data Hub / Data Storage."),
            HttpStatusCode.NotFound => new DataStorageRequestException(status, FailureKind.Configuration,
                $"{what} answered 404{suffix}. Check that base_url is the organisation's Rossum URL and that Master Data Hub is enabled for it."),
            >= HttpStatusCode.InternalServerError or HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout => new DataStorageRequestException(status, FailureKind.Transient,
                $"{what} kept failing with {(int)status} after all retries{suffix}."),
            0 => new DataStorageRequestException(status, FailureKind.Transient, $"{what} could not be reached after all retries.", response.Error),
            _ => new DataStorageRequestException(status, FailureKind.Fatal, $"{what} answered {(int)status}{suffix}."),
        };
    }

    /// <summary>Network failures and attempt time-outs that outlived the retries.</summary>
    public static IntegrationException Unreachable(Exception e, Uri baseUrl, string operation) =>
        new(FailureKind.Transient, $"Rossum Data Storage at {baseUrl.GetLeftPart(UriPartial.Authority)} could not be reached after all retries while {operation} ({e.GetType().Name}).", e);

    public static string? ReadMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Truncate(body);
            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String) return Truncate(message.GetString()!);
            if (root.TryGetProperty("detail", out var detail)) return Truncate(detail.ValueKind == JsonValueKind.String ? detail.GetString()! : detail.GetRawText());
            return null;
        }
        catch (JsonException)
        {
            // An HTML error page from a proxy: the status code says enough.
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
