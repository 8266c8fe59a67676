using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Ingest;

/// <summary>
/// Finds which configured API key a request presented. Keys are compared as SHA-256 digests with
/// <see cref="CryptographicOperations.FixedTimeEquals"/> against every key, so neither the time taken nor an
/// early exit tells a caller how much of a guess was right, or how long the keys are.
/// </summary>
internal sealed class ApiKeyRing(IOptions<IngestOptions> options)
{
    private readonly (string Name, byte[] Digest)[] _keys =
        [.. options.Value.ApiKeys.Select(key => (key.Name, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))))];

    public bool IsEmpty => _keys.Length == 0;

    /// <summary>The name of the key, or null when no configured key matches.</summary>
    public string? FindName(string presented)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? found = null;
        foreach (var (name, expected) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                found = name;
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
