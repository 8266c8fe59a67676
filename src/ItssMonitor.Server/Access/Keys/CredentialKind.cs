using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ItssMonitor.Server.Access.Keys;

/// <summary>
/// What an admin hands out: a kiosk token (a wall display's read-only pass) or an ingest API key. Both are 32
/// random bytes, URL-safe base64 after a prefix that says what they are (so a leaked one is recognised, and secret
/// scanners can match it), stored only as a SHA-256 digest.
/// </summary>
public sealed record CredentialKind(string Name, string SecretPrefix, string Label)
{
    public static readonly CredentialKind KioskToken = new("kiosk-token", "itss_kiosk_", "kiosk token");

    public static readonly CredentialKind ApiKey = new("api-key", "itss_key_", "API key");

    /// <summary>Characters of the random part kept as the non-secret prefix: 36 bits, enough to tell keys apart, far from enough to guess one.</summary>
    private const int ShownRandomCharacters = 6;

    /// <summary>Where the admin API lists, creates and revokes this kind.</summary>
    public string Route => $"/api/v1/{Name}s";

    public string NewSecret() => SecretPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The start of a secret shown in lists, e.g. <c>itss_key_Xy3_aB</c>.</summary>
    public string Shown(string secret) => secret[..Math.Min(secret.Length, SecretPrefix.Length + ShownRandomCharacters)];

    /// <summary>
    /// SHA-256, lower-case hex. A fast hash is enough (and a slow one would be too slow per ingest request): the secrets
    /// are 256 random bits, so there is no dictionary to try; salting and stretching protect guessable passwords.
    /// </summary>
    public static string Digest(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
