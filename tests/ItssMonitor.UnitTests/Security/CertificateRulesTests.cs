using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Security;

namespace ItssMonitor.UnitTests.Security;

public sealed class CertificateRulesTests
{
    private static readonly DateTimeOffset Seen = new(2026, 10, 20, 12, 0, 0, TimeSpan.Zero);

    private static SecuritySample Tls(double? days = 90, string? version = "TLS 1.3", bool? chain = true, bool? host = true) =>
        new("Shop", "cert", "tls", "", Seen, days, version, chain, host);

    [Fact]
    public void Three_days_left_is_critical_and_says_when_it_expires()
    {
        var signal = Assert.Single(CertificateRules.Evaluate(Tls(days: 3), warnDays: 14));

        Assert.Equal(AlertFingerprint.For("cert-expiry", "Shop", "cert", "tls"), signal.Fingerprint);
        Assert.Equal(AlertSeverity.Critical, signal.Severity);
        Assert.Equal("certificate expires in 3 days (2026-10-23 12:00 UTC)", signal.Summary);
        Assert.Equal("3", signal.Evidence["days left"]);
    }

    [Fact]
    public void Ten_days_left_with_warn_days_14_is_a_warning_and_20_days_nothing()
    {
        Assert.Equal(AlertSeverity.Warning, Assert.Single(CertificateRules.Evaluate(Tls(days: 10), warnDays: 14)).Severity);
        Assert.Empty(CertificateRules.Evaluate(Tls(days: 20), warnDays: 14));
        Assert.Empty(CertificateRules.Evaluate(Tls(days: null), warnDays: 14));
    }

    [Fact]
    public void An_expired_certificate_is_critical_even_with_warn_days_below_three()
    {
        var signal = Assert.Single(CertificateRules.Evaluate(Tls(days: -1.5), warnDays: 1));

        Assert.Equal(AlertSeverity.Critical, signal.Severity);
        Assert.Equal("certificate expired 1.5 days ago (2026-10-19 00:00 UTC)", signal.Summary);
        Assert.Equal(AlertSeverity.Critical, Assert.Single(CertificateRules.Evaluate(Tls(days: 2), warnDays: 1)).Severity);
    }

    [Fact]
    public void An_untrusted_chain_or_a_name_mismatch_is_critical_and_says_which()
    {
        var chain = Assert.Single(CertificateRules.Evaluate(Tls(chain: false), 14));
        var both = Assert.Single(CertificateRules.Evaluate(Tls(chain: false, host: false), 14));

        Assert.Equal("cert-invalid", chain.Fingerprint.Rule);
        Assert.Equal(AlertSeverity.Critical, chain.Severity);
        Assert.Equal("certificate chain is not trusted", chain.Summary);
        Assert.Equal("no", chain.Evidence["chain valid"]);
        Assert.Equal("yes", chain.Evidence["hostname valid"]);
        Assert.Equal("certificate chain is not trusted; certificate does not match the host name", both.Summary);
    }

    [Fact]
    public void A_protocol_below_TLS_1_2_is_a_warning()
    {
        var signal = Assert.Single(CertificateRules.Evaluate(Tls(version: "TLS 1.1"), 14));

        Assert.Equal("tls-version", signal.Fingerprint.Rule);
        Assert.Equal(AlertSeverity.Warning, signal.Severity);
        Assert.Equal("negotiated TLS 1.1, below TLS 1.2", signal.Summary);
        Assert.Empty(CertificateRules.Evaluate(Tls(version: "TLS 1.2"), 14));
    }

    [Theory]
    [InlineData("TLS 1.0", true)]
    [InlineData("TLS 1.1", true)]
    [InlineData("Ssl3", true)]
    [InlineData("TLS 1.2", false)]
    [InlineData("TLS 1.3", false)]
    [InlineData("Tls13", false)]
    public void Version_names_the_probe_writes_are_read(string version, bool below) =>
        Assert.Equal(below, CertificateRules.IsBelowTls12(version));
}
