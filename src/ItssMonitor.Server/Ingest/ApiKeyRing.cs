using System.Security.Cryptography;
using System.Text;
using ItssMonitor.Storage.Relational.Access;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Finds which API key a request presented: one configured in <c>Ingest:ApiKeys</c>, or one an admin created (kept
/// here by <see cref="Access.Keys.StoredApiKeys"/>, so no request waits for the database). Keys are compared as SHA-256
/// digests with <see cref="CryptographicOperations.FixedTimeEquals"/> against every key, so neither the time taken nor
/// an early exit tells a caller how much of a guess was right, or how long the keys are.
/// </summary>
internal sealed class ApiKeyRing(IOptions<IngestOptions> options)
{
    private readonly KnownApiKey[] _configured =
        [.. options.Value.ApiKeys.Select(key => new KnownApiKey(key.Name, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key)), null, null))];

    private volatile KnownApiKey[] _stored = [];

    public bool IsEmpty => _configured.Length == 0 && _stored.Length == 0;

    /// <summary>Replaces the admin-created keys with <paramref name="active"/>, as just read from the store.</summary>
    public void UseStored(IEnumerable<AccessCredentialRecord> active) =>
        _stored = [.. active.Select(key => new KnownApiKey(key.Name, Convert.FromHexString(key.Digest), key.Id, key.LastUsedAt))];

    /// <summary>The key presented, or null when no configured or active stored key matches.</summary>
    public KnownApiKey? Find(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        KnownApiKey? found = null;
        foreach (var key in _configured.Concat(_stored))
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key.Digest))
            {
                found = key;
            }
        }

        return found;
    }

    /// <summary>
    /// The key a request presents: <c>Authorization: Bearer</c> (or <c>Token</c>, as InfluxDB 2 clients send it),
    /// <c>X-Api-Key</c>, or the password of <c>Authorization: Basic</c> (Telegraf's username/password settings).
    /// Null when it presents none.
    /// </summary>
    public static string? PresentedKey(HttpRequest request)
    {
        if (request.Headers["X-Api-Key"].ToString() is { Length: > 0 } headerKey)
        {
            return headerKey.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        var space = authorization.IndexOf(' ');
        if (space <= 0)
        {
            return null;
        }

        var scheme = authorization[..space];
        var parameter = authorization[(space + 1)..].Trim();
        if (scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || scheme.Equals("Token", StringComparison.OrdinalIgnoreCase))
        {
            return parameter.Length > 0 ? parameter : null;
        }

        if (scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            var buffer = new byte[parameter.Length];
            if (Convert.TryFromBase64String(parameter, buffer, out var length))
            {
                var credentials = Encoding.UTF8.GetString(buffer, 0, length);
                var colon = credentials.IndexOf(':');
                return colon >= 0 && colon < credentials.Length - 1 ? credentials[(colon + 1)..] : null;
            }
        }

        return null;
    }
}
