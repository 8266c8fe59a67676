namespace ItssMonitor.Core.Alerting;

/// <summary>
/// What makes two signals the same alert: the rule that raised it, the service, and (when the alert is about
/// one check) the check and its kind. A readable, stable string, so it can be a database key and appear in logs.
/// </summary>
public readonly record struct AlertFingerprint
{
    private AlertFingerprint(string value) => Value = value;

    public string Value { get; }

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

    public override string ToString() => Value;

    private static string Escape(string part) => part.Replace("%", "%25", StringComparison.Ordinal).Replace("|", "%7C", StringComparison.Ordinal);
}
