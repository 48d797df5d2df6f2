using System.Security.Cryptography;
using System.Text;
using CoupaIntegration.Common;

namespace CoupaIntegration.Rossum.Setup;

/// <summary>
/// A salted, slow hash of a secret (<c>pbkdf2-sha256$iterations$salt$hash</c>), kept in the hook's metadata so a later
/// install can tell whether the secret it holds is still the one the hook has, without Rossum showing it (hook
/// secrets are write-only) and without storing anything that gives the secret back.
/// </summary>
public static class SecretFingerprint
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 20_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Create(Secret secret)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Format(Iterations, salt, Hash(secret, salt, Iterations));
    }

    /// <summary>False for anything but a well-formed fingerprint of this very secret.</summary>
    public static bool Matches(string? fingerprint, Secret secret)
    {
        var parts = fingerprint?.Split('$');
        if (parts is not [Scheme, var iterationsText, var saltText, var hashText]
            || !int.TryParse(iterationsText, out var iterations) || iterations is < 1000 or > 1_000_000)
            return false;
        try
        {
            var expected = Convert.FromBase64String(hashText);
            return CryptographicOperations.FixedTimeEquals(expected, Hash(secret, Convert.FromBase64String(saltText), iterations));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Hash(Secret secret, byte[] salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(secret.Reveal()), salt, iterations, HashAlgorithmName.SHA256, HashBytes);

    private static string Format(int iterations, byte[] salt, byte[] hash) =>
        $"{Scheme}${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
}
