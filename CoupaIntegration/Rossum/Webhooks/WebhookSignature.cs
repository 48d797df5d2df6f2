using System.Security.Cryptography;
using System.Text;
using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.Webhooks;

/// <summary>
/// Rossum's payload signature: <c>X-Rossum-Signature-SHA256: sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of the raw
/// request body keyed with the hook's <c>config.secret</c> (UTF-8). Verified over the exact bytes received,
/// before any parsing, and compared in constant time so response timing reveals nothing about the digest.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Rossum-Signature-SHA256";

    private const string Prefix = "sha256=";

    public static SignatureCheck Verify(ReadOnlySpan<byte> body, string? header, Secret secret)
    {
        if (string.IsNullOrWhiteSpace(header)) return SignatureCheck.Missing;
        var value = header.Trim();
        if (!value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return SignatureCheck.Malformed;

        var hex = value.AsSpan(Prefix.Length);
        Span<byte> received = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (hex.Length != received.Length * 2 || Convert.FromHexString(hex, received, out _, out var written) != System.Buffers.OperationStatus.Done || written != received.Length)
            return SignatureCheck.Malformed;

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Key(secret), body, expected);
        return CryptographicOperations.FixedTimeEquals(received, expected) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }

    /// <summary>The header value Rossum would send for this body, e.g. for tests and the CLI's sample calls.</summary>
    public static string Sign(ReadOnlySpan<byte> body, Secret secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Key(secret), body));

    /// <summary>For logs and 401 answers: says what was wrong without saying what was expected.</summary>
    public static string Describe(SignatureCheck check) => check switch
    {
        SignatureCheck.Valid => "signature valid",
        SignatureCheck.Missing => $"{HeaderName} header missing",
        SignatureCheck.Malformed => $"{HeaderName} header is not sha256=<64 hex digits>",
        _ => $"{HeaderName} does not match the body and the hook's secret",
    };

    private static byte[] Key(Secret secret)
    {
        if (secret.IsEmpty)
            throw new IntegrationException(FailureKind.Configuration, "The webhook secret is empty: set the hook's config.secret and the same value here, or turn signature checks off.");
        return Encoding.UTF8.GetBytes(secret.Reveal());
    }
}
