using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ItssMonitor.IntegrationTests.Probes;

/// <summary>Certificates made for one test run: a private CA, leaves it signed for "localhost", and a self-signed one.</summary>
public sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        var now = DateTimeOffset.UtcNow;
        using (var caKey = RSA.Create(2048))
        {
            var caRequest = new CertificateRequest("CN=ItssMonitor Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
            Authority = caRequest.CreateSelfSigned(now.AddDays(-30), now.AddDays(30));
        }

        Trusted = Leaf(now.AddDays(-1), now.AddDays(3), Authority);
        Expired = Leaf(now.AddDays(-30), now.AddDays(-2).AddHours(-1), Authority);
        SelfSigned = Leaf(now.AddDays(-1), now.AddDays(3), issuer: null);
    }

    /// <summary>The private CA the probes are told to trust.</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>Signed by <see cref="Authority"/> for localhost, valid for three more days.</summary>
    public X509Certificate2 Trusted { get; }

    /// <summary>Signed by <see cref="Authority"/> for localhost, expired a little over two days ago.</summary>
    public X509Certificate2 Expired { get; }

    /// <summary>Self-signed for localhost, valid for three more days.</summary>
    public X509Certificate2 SelfSigned { get; }

    public void Dispose()
    {
        Authority.Dispose();
        Trusted.Dispose();
        Expired.Dispose();
        SelfSigned.Dispose();
    }

    private static X509Certificate2 Leaf(DateTimeOffset notBefore, DateTimeOffset notAfter, X509Certificate2? issuer)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));

        using var certificate = issuer is null
            ? request.CreateSelfSigned(notBefore, notAfter)
            : request.Create(issuer, notBefore, notAfter, Guid.NewGuid().ToByteArray()).CopyWithPrivateKey(key);

        // Through PKCS#12 so that the key is usable by the TLS server on every platform, not only an ephemeral one.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
