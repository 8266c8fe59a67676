using System.Globalization;
using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// Watches one probe run's TLS handshakes through the certificate validation callback and turns what it saw
/// into <see cref="SecurityFacts"/> and, when the certificate is not acceptable, the reason why.
/// With redirects there can be several handshakes; the last one (the host that answered) is kept.
/// </summary>
internal sealed class TlsObservation(string host, bool completeInvalidHandshakes)
{
    private const SslProtocols Tls10 = (SslProtocols)0xC0;
    private const SslProtocols Tls11 = (SslProtocols)0x300;

    private string _host = host;
    private DateTimeOffset? _notBefore;
    private DateTimeOffset? _notAfter;
    private SslPolicyErrors _errors;
    private string[] _chainProblems = [];

    public bool HandshakeSeen { get; private set; }

    /// <summary>The negotiated protocol; the callback may run before the stream reports it, so probes that hold the stream set it afterwards.</summary>
    public SslProtocols Protocol { get; set; }

    /// <summary>
    /// The validation callback. Records the certificate and the errors; accepts an invalid certificate only
    /// when <c>completeInvalidHandshakes</c> is set (the TLS probe, which sends nothing after the handshake).
    /// </summary>
    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        HandshakeSeen = true;
        if (sender is SslStream stream)
        {
            _host = string.IsNullOrEmpty(stream.TargetHostName) ? _host : stream.TargetHostName;
            Protocol = ProtocolOf(stream);
        }

        _errors = errors;
        if (certificate is not null)
        {
            var certificate2 = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
            _notBefore = new DateTimeOffset(certificate2.NotBefore.ToUniversalTime(), TimeSpan.Zero);
            _notAfter = new DateTimeOffset(certificate2.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        }

        // Expiry is reported on its own, in days; the chain problems worth naming are the others.
        _chainProblems = chain?.ChainStatus
            .Where(status => status.Status is not X509ChainStatusFlags.NoError and not X509ChainStatusFlags.NotTimeValid)
            .Select(status => status.Status.ToString())
            .Distinct()
            .ToArray() ?? [];
        return completeInvalidHandshakes || errors == SslPolicyErrors.None;
    }

    /// <summary>What the handshake showed, or null when there was none.</summary>
    public SecurityFacts? Facts(DateTimeOffset now) => HandshakeSeen
        ? new SecurityFacts(
            _notAfter is { } notAfter ? Math.Round((notAfter - now).TotalDays, 4) : null,
            VersionName(Protocol),
            (_errors & (SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0,
            (_errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) == 0)
        : null;

    /// <summary>Why the certificate is not acceptable ("certificate expired 2 days ago; …"), or null when it is.</summary>
    public string? Problem(DateTimeOffset now)
    {
        if (!HandshakeSeen)
        {
            return null;
        }

        if ((_errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0 || _notAfter is null)
        {
            return $"no certificate from {_host}";
        }

        var problems = new List<string>();
        if (now > _notAfter)
        {
            problems.Add($"certificate expired {Ago(now - _notAfter.Value)}");
        }
        else if (now < _notBefore)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"certificate not valid before {_notBefore:yyyy-MM-dd HH:mm} UTC"));
        }

        if ((_errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0 && (_chainProblems.Length > 0 || problems.Count == 0))
        {
            problems.Add(_chainProblems.Length > 0
                ? $"certificate chain not valid ({string.Join(", ", _chainProblems)})"
                : "certificate chain not valid");
        }

        if ((_errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            problems.Add($"certificate not valid for {_host}");
        }

        return problems.Count > 0 ? string.Join("; ", problems) : null;
    }

    /// <summary>"TLS 1.3", "TLS 1.2"…; null when nothing was negotiated.</summary>
    public static string? VersionName(SslProtocols protocol) => protocol switch
    {
        SslProtocols.Tls13 => "TLS 1.3",
        SslProtocols.Tls12 => "TLS 1.2",
        Tls11 => "TLS 1.1",
        Tls10 => "TLS 1.0",
        SslProtocols.None => null,
        _ => protocol.ToString(),
    };

    private static SslProtocols ProtocolOf(SslStream stream)
    {
        try
        {
            return stream.SslProtocol;
        }
        catch (InvalidOperationException)
        {
            // Not known yet at this point of the handshake on some platforms.
            return SslProtocols.None;
        }
    }

    private static string Ago(TimeSpan span) => span.TotalDays switch
    {
        >= 2 => $"{Math.Floor(span.TotalDays):0} days ago",
        >= 1 => "1 day ago",
        _ when span.TotalHours >= 1 => $"{Math.Floor(span.TotalHours):0} h ago",
        _ => "less than an hour ago",
    };
}
