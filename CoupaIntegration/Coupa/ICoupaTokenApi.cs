using Refit;

namespace CoupaIntegration.Coupa;

/// <summary>Coupa's OAuth2 token endpoint (client credentials, form body, space-separated scopes).</summary>
[Headers("Accept: application/json")]
public interface ICoupaTokenApi
{
    [Post("/oauth2/token")]
    Task<IApiResponse<CoupaTokenResponse>> RequestTokenAsync(
        [Body(BodySerializationMethod.UrlEncoded)] IDictionary<string, string> form,
        CancellationToken cancellationToken = default);
}

public sealed record CoupaTokenResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string? AccessToken,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_type")] string? TokenType,
    [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int? ExpiresIn,
    [property: System.Text.Json.Serialization.JsonPropertyName("scope")] string? Scope);
