using System.Security.Cryptography.X509Certificates;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// Root certificates the http and tls probes trust instead of the system's store, for estates behind a private
/// CA (and for tests, which cannot add a CA to the machine). Without one registered the system's roots apply.
/// </summary>
public sealed class ProbeCertificateTrust(X509Certificate2Collection roots)
{
    /// <summary>A fresh policy per handshake: X509ChainPolicy is mutable and SslStream may hold on to it.</summary>
    public X509ChainPolicy CreatePolicy()
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
        };
        policy.CustomTrustStore.AddRange(roots);
        return policy;
    }
}
