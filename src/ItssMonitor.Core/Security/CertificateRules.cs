using System.Globalization;
using System.Text.RegularExpressions;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Samples;

namespace ItssMonitor.Core.Security;

/// <summary>
/// What the newest TLS handshake of a check says about its certificate and protocol: expiry (warning from the
/// check's <c>warnDays</c>, critical from <see cref="CriticalDays"/> days and once expired), an invalid chain or
/// a name mismatch (critical), and a protocol older than TLS 1.2 (warning).
/// </summary>
public static partial class CertificateRules
{
    public const string ExpiryRule = "cert-expiry";
    public const string InvalidRule = "cert-invalid";
    public const string TlsVersionRule = "tls-version";

    /// <summary>Days before expiry from which the expiry alert is critical.</summary>
    public const double CriticalDays = 3;

    public static IReadOnlyList<string> Rules { get; } = [ExpiryRule, InvalidRule, TlsVersionRule];

    /// <param name="latest">The newest security sample of a tls check.</param>
    /// <param name="warnDays">The check's <c>warnDays</c>.</param>
    public static IReadOnlyList<AlertSignal> Evaluate(SecuritySample latest, int warnDays)
    {
        ArgumentNullException.ThrowIfNull(latest);
        var signals = new List<AlertSignal>();
        if (latest.CertDaysLeft is { } daysLeft && daysLeft <= Math.Max(warnDays, CriticalDays))
        {
            var expiry = latest.Timestamp + TimeSpan.FromDays(daysLeft);
            var expiryText = expiry.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var summary = daysLeft <= 0
                ? string.Create(CultureInfo.InvariantCulture, $"certificate expired {-daysLeft:0.#} days ago ({expiryText})")
                : string.Create(CultureInfo.InvariantCulture, $"certificate expires in {daysLeft:0.#} days ({expiryText})");
            signals.Add(Signal(latest, ExpiryRule, daysLeft <= CriticalDays ? AlertSeverity.Critical : AlertSeverity.Warning, summary, new Dictionary<string, string>
            {
                ["days left"] = daysLeft.ToString("0.#", CultureInfo.InvariantCulture),
                ["expires"] = expiryText,
                ["warn days"] = warnDays.ToString(CultureInfo.InvariantCulture),
                ["seen"] = Seen(latest),
            }));
        }

        var problems = new List<string>();
        if (latest.ChainValid == false)
        {
            problems.Add("certificate chain is not trusted");
        }

        if (latest.HostnameValid == false)
        {
            problems.Add("certificate does not match the host name");
        }

        if (problems.Count > 0)
        {
            signals.Add(Signal(latest, InvalidRule, AlertSeverity.Critical, string.Join("; ", problems), new Dictionary<string, string>
            {
                ["chain valid"] = Flag(latest.ChainValid),
                ["hostname valid"] = Flag(latest.HostnameValid),
                ["seen"] = Seen(latest),
            }));
        }

        if (latest.TlsVersion is { } version && IsBelowTls12(version))
        {
            signals.Add(Signal(latest, TlsVersionRule, AlertSeverity.Warning, $"negotiated {version}, below TLS 1.2", new Dictionary<string, string>
            {
                ["negotiated"] = version,
                ["minimum"] = "TLS 1.2",
                ["seen"] = Seen(latest),
            }));
        }

        return signals;
    }

    /// <summary>
    /// Reads the names the TLS probe writes ("TLS 1.0" … "TLS 1.3"; SslProtocols names such as "Ssl3" for anything
    /// else). Every SSL version is below 1.2; a name it cannot read is not judged.
    /// </summary>
    public static bool IsBelowTls12(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.StartsWith("SSL", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var match = TlsVersionPattern().Match(version);
        return match.Success
            && (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture)) is var (major, minor)
            && (major < 1 || (major == 1 && minor < 2));
    }

    private static AlertSignal Signal(SecuritySample sample, string rule, AlertSeverity severity, string summary, Dictionary<string, string> evidence) =>
        new(AlertFingerprint.For(rule, sample.Service, sample.Check, sample.Kind), sample.Service, severity, summary, evidence);

    private static string Flag(bool? value) => value switch { true => "yes", false => "no", null => "unknown" };

    private static string Seen(SecuritySample sample) => sample.Timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^TLS\s*v?(\d+)[._](\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex TlsVersionPattern();
}
