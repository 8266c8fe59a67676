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

    [Fact]
    public void Its_parts_and_id_read_back_whatever_the_names_hold()
    {
        var fingerprint = AlertFingerprint.FromValue(AlertFingerprint.For("cert-expiry", "A|B %7C", "c%", "tls").Value);

        Assert.Equal(("cert-expiry", "A|B %7C", "c%", "tls"), (fingerprint.Rule, fingerprint.Service, fingerprint.Check, fingerprint.Kind));
        Assert.Null(AlertFingerprint.For("burn-rate/page-1h", "Ledger").Check);
        Assert.Matches("^[0-9a-f]{16}$", fingerprint.Id);
        Assert.Equal(fingerprint.Id, AlertFingerprint.For("cert-expiry", "A|B %7C", "c%", "tls").Id);
        Assert.NotEqual(fingerprint.Id, AlertFingerprint.For("cert-expiry", "A|B %7C", "c%").Id);
    }
}
