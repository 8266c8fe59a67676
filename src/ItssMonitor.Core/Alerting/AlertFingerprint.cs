using System.Security.Cryptography;
using System.Text;

namespace ItssMonitor.Core.Alerting;

/// <summary>
/// What makes two signals the same alert: the rule that raised it, the service, and (when the alert is about
/// one check) the check and its kind. A readable, stable string, so it can be a database key and appear in logs.
/// </summary>
public readonly record struct AlertFingerprint
{
    private AlertFingerprint(string value)
    {
        Value = value;
        var parts = value.Split('|');
        Rule = Unescape(parts[0]);
        Service = Unescape(parts[1]);
        Check = parts[2].Length == 0 ? null : Unescape(parts[2]);
        Kind = parts[3].Length == 0 ? null : Unescape(parts[3]);
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0, 8);
    }

    public string Value { get; }

    /// <summary>What raised it, e.g. <c>service-down</c>, <c>burn-rate/page-1h</c>, <c>cert-expiry</c>.</summary>
    public string Rule { get; }

    public string Service { get; }

    /// <summary>The check the alert is about; null for an alert about the whole service.</summary>
    public string? Check { get; }

    public string? Kind { get; }

    /// <summary>
    /// A short URL-safe name for the alert (16 hex digits of the fingerprint's SHA-256): the same on every node and
    /// after a restart, so an id in a notification or a link is still the alert's when someone acts on it.
    /// </summary>
    public string Id { get; }

    /// <param name="rule">What raised it, e.g. <c>service-down</c>, <c>burn-rate/page-1h</c>, <c>cert-expiry</c>.</param>
    public static AlertFingerprint For(string rule, string service, string? check = null, string? kind = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        // Escaping the separator keeps the parts apart whatever a service or check is called.
        return new AlertFingerprint(string.Join('|', Escape(rule), Escape(service), Escape(check ?? ""), Escape(kind ?? "")));
    }

    /// <summary>Reads back a fingerprint stored as its <see cref="Value"/>.</summary>
    public static AlertFingerprint FromValue(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        if (value.Count(c => c == '|') != 3)
        {
            throw new FormatException($"'{value}' is not an alert fingerprint (rule|service|check|kind).");
        }

        return new AlertFingerprint(value);
    }

    // Every other part is derived from the value: comparing and hashing it alone is enough, and cheaper as a dictionary key.
    public bool Equals(AlertFingerprint other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value ?? "");

    public override string ToString() => Value;

    private static string Escape(string part) => part.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);

    private static string Unescape(string part) => part.Replace("%7C", "|", StringComparison.Ordinal).Replace("%25", "%", StringComparison.Ordinal);
}
