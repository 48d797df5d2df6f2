using System.Security.Cryptography;
using System.Text;
using CoupaIntegration.Common;
using Microsoft.Extensions.Options;

namespace CoupaIntegration.Webhooks;

/// <summary>
/// AES-GCM with the app's protection key: secrets travel with background runs (Durable history, status store) only
/// encrypted and authenticated. The same key signs run-status links (HMAC), so a link cannot be guessed or forged.
/// </summary>
public sealed class AesPayloadProtector : IPayloadProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    public AesPayloadProtector(IOptions<WebhookOptions> options)
    {
        _key = options.Value.ProtectionKey is { Length: > 0 } configured
            ? DecodeKey(configured)
            : RandomNumberGenerator.GetBytes(32);
    }

    public string Protect(Secret secret)
    {
        var plain = Encoding.UTF8.GetBytes(secret.Reveal());
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(output);
    }

    public Secret Unprotect(string protectedValue)
    {
        try
        {
            var input = Convert.FromBase64String(protectedValue);
            var plain = new byte[input.Length - NonceSize - TagSize];
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain);
            return new Secret(Encoding.UTF8.GetString(plain));
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException or OverflowException)
        {
            throw new IntegrationException(FailureKind.Configuration,
                "A secret carried by this run cannot be decrypted: Webhooks:ProtectionKey changed, or differs between instances.");
        }
    }

    /// <summary>A URL-safe HMAC of a value, for links that must not be guessable (run status).</summary>
    public string Sign(string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("run-status:" + value)))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool Verify(string value, string? signature) =>
        signature is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(value)), Encoding.ASCII.GetBytes(signature));

    private static byte[] DecodeKey(string base64)
    {
        try
        {
            var key = Convert.FromBase64String(base64);
            if (key.Length == 32) return key;
        }
        catch (FormatException)
        {
        }
        throw new OptionsValidationException(nameof(WebhookOptions.ProtectionKey), typeof(WebhookOptions),
            ["Webhooks:ProtectionKey must be base64 of 32 random bytes (e.g. `openssl rand -base64 32`)."]);
    }
}
