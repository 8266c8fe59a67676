using System.Net;
using DnsClient;
using DnsClient.Protocol;
using ItssMonitor.Collectors.Probes;

namespace ItssMonitor.UnitTests.Probes;

public sealed class DnsAnswerValueTests
{
    private static ResourceRecordInfo Info(ResourceRecordType type) => new("name.example.", type, QueryClass.IN, 60, 0);

    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3", true)]
    [InlineData("::ffff:10.1.2.3", "10.1.2.3", true)]
    [InlineData("fd00::1", "FD00:0:0:0:0:0:0:1", true)]
    [InlineData("10.1.2.3", "10.1.2.30", false)]
    [InlineData("10.1.2.3", "web.example", false)]
    public void Addresses_compare_as_addresses(string answer, string expected, bool same)
    {
        Assert.Equal(same, DnsAnswerValue.SameAddress(answer, expected));
    }

    [Theory]
    [InlineData("web.example.", "web.example", true)]
    [InlineData("Web.Example", "web.example.", true)]
    [InlineData("web.example", "www.example", false)]
    public void Names_compare_without_case_and_trailing_dot(string answer, string expected, bool same)
    {
        Assert.Equal(same, DnsAnswerValue.SameName(answer, expected));
    }

    [Fact]
    public void Each_record_type_reads_and_matches_by_its_value()
    {
        var a = new ARecord(Info(ResourceRecordType.A), IPAddress.Parse("10.1.2.3"));
        var cname = new CNameRecord(Info(ResourceRecordType.CNAME), DnsString.Parse("web.example."));
        var mx = new MxRecord(Info(ResourceRecordType.MX), 10, DnsString.Parse("mail.example."));
        var srv = new SrvRecord(Info(ResourceRecordType.SRV), 0, 5, 8080, DnsString.Parse("web.example."));
        var txt = new TxtRecord(Info(ResourceRecordType.TXT), ["v=spf1 -all"], ["v=spf1 -all"]);

        Assert.Equal("10.1.2.3", DnsAnswerValue.Of(a));
        Assert.Equal("web.example", DnsAnswerValue.Of(cname));
        Assert.Equal("10 mail.example", DnsAnswerValue.Of(mx));
        Assert.Equal("0 5 8080 web.example", DnsAnswerValue.Of(srv));
        Assert.Equal("v=spf1 -all", DnsAnswerValue.Of(txt));

        Assert.True(DnsAnswerValue.Matches(a, "::ffff:10.1.2.3"));
        Assert.True(DnsAnswerValue.Matches(cname, "WEB.example."));
        Assert.True(DnsAnswerValue.Matches(mx, "mail.example"));
        Assert.True(DnsAnswerValue.Matches(mx, "10 Mail.Example."));
        Assert.False(DnsAnswerValue.Matches(mx, "20 mail.example"));
        Assert.True(DnsAnswerValue.Matches(srv, "web.example"));
        Assert.True(DnsAnswerValue.Matches(txt, "v=spf1 -all"));
        Assert.False(DnsAnswerValue.Matches(txt, "V=SPF1 -ALL"));
    }
}
