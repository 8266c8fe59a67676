using ItssMonitor.Core.Alerting;

namespace ItssMonitor.UnitTests.Alerting;

public sealed class AlertFingerprintTests
{
    [Fact]
    public void The_same_parts_give_the_same_readable_fingerprint()
    {
        var fingerprint = AlertFingerprint.For("cert-expiry", "Payments API", "cert", "tls");

        Assert.Equal("cert-expiry|Payments API|cert|tls", fingerprint.Value);
        Assert.Equal(fingerprint, AlertFingerprint.For("cert-expiry", "Payments API", "cert", "tls"));
        Assert.Equal(fingerprint, AlertFingerprint.FromValue(fingerprint.Value));
        Assert.Equal("burn-rate/page-1h|Ledger||", AlertFingerprint.For("burn-rate/page-1h", "Ledger").Value);
    }

    [Fact]
    public void A_separator_inside_a_name_cannot_make_two_alerts_one()
    {
        var a = AlertFingerprint.For("down", "A|B", "c");
        var b = AlertFingerprint.For("down", "A", "B|c");

        Assert.NotEqual(a, b);
        Assert.Equal("down|A%7CB|c|", a.Value);
        Assert.Throws<FormatException>(() => AlertFingerprint.FromValue("down|A"));
    }
}
