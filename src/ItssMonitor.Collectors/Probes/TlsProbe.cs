using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// A TLS handshake with Host:Port (443 by default), with SNI set to Host. Up when the handshake succeeds and
/// the certificate is in date, its chain is trusted and it is valid for Host; latency is connect plus handshake.
/// What the handshake showed is reported whenever there was one. Expiry warnings (WarnDays) are not judged
/// here: a valid certificate that expires soon is up, and the early-warning jobs read its days left.
/// </summary>
public sealed class TlsProbe(TimeProvider time, ProbeCertificateTrust? trust = null) : IProbe
{
    public const int DefaultPort = 443;

    public string Kind => CheckKinds.Tls;

    public async Task<ProbeOutcome> ProbeAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(check.Host))
        {
            return ProbeOutcome.Failed("no host configured");
        }

        var port = check.Port ?? DefaultPort;
        var target = new HostPort(check.Host, port).ToString();
        var tls = new TlsObservation(check.Host, completeInvalidHandshakes: true);
        LatencyTimer? timer = null;
        try
        {
            var (socket, connected) = await TcpConnector.ConnectAsync(check.Host, port, time, cancellationToken);
            timer = connected;
            await using var stream = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
            await stream.AuthenticateAsClientAsync(
                new SslClientAuthenticationOptions
                {
                    TargetHost = check.Host,
                    RemoteCertificateValidationCallback = tls.Validate,

                    // Revocation lists live on the internet; fetching them would spend the probe's timeout on
                    // somebody else's server. Expiry, trust and name are what this check is about.
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                    CertificateChainPolicy = trust?.CreatePolicy(),
                },
                cancellationToken);
            var latency = connected.ElapsedMs;
            tls.Protocol = stream.SslProtocol;
            var now = time.GetUtcNow();
            var outcome = tls.Problem(now) is { } problem ? ProbeOutcome.Failed(problem, latency) : new ProbeOutcome(true, latency);
            return outcome.WithinLatencyLimit(check.Expect.MaxLatencyMs) with { Security = tls.Facts(now) };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.TimedOut(check.Timeout) with { Security = tls.Facts(time.GetUtcNow()) };
        }
        catch (SocketException exception)
        {
            return ProbeOutcome.Failed(SocketErrorText.Describe(exception, target), timer?.ElapsedMs);
        }
        catch (Exception exception) when (exception is AuthenticationException or IOException)
        {
            // The server broke off the handshake: no shared protocol or cipher, not TLS at all, or closed.
            return ProbeOutcome.Failed($"TLS handshake failed ({target}): {exception.Message}", timer?.ElapsedMs) with { Security = tls.Facts(time.GetUtcNow()) };
        }
    }
}
