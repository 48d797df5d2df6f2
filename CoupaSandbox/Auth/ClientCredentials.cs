using System.Text;
using Microsoft.AspNetCore.Http;

namespace CoupaSandbox.Auth;

/// <summary>Client id and secret from HTTP Basic (RFC 6749 §2.3.1, used by PostHog and others) or the form body.</summary>
internal sealed record ClientCredentials(string? ClientId, string? ClientSecret)
{
    public static ClientCredentials Read(HttpRequest request, IFormCollection form)
    {
        string header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                string decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                int colon = decoded.IndexOf(':');
                if (colon >= 0)
                    return new ClientCredentials(Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
            catch (FormatException)
            {
                // fall through to the body, then to invalid_client
            }
        }
        return new ClientCredentials(form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    // Never print the secret.
    public override string ToString() => $"ClientCredentials {{ ClientId = {ClientId} }}";
}
