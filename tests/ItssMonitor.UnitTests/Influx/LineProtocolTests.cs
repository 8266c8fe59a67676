using System.Text;
using ItssMonitor.Core.Samples;
using ItssMonitor.Storage.Influx;

namespace ItssMonitor.UnitTests.Influx;

public sealed class LineProtocolTests
{
    private static readonly DateTimeOffset At = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123);

    [Fact]
    public void Writes_the_check_result_schema_with_typed_fields_and_a_millisecond_timestamp()
    {
        var line = Encode(new CheckSample("Payments API", "health", "http", "eu-west", At, true, 12.5, 200));

        Assert.Equal("check_result,service=Payments\\ API,check=health,kind=http,location=eu-west up=1i,latency_ms=12.5,status_code=200i 1700000000123\n", line);
    }

    [Fact]
    public void Escapes_commas_spaces_and_equals_in_tags_and_leaves_quotes_and_unicode_alone()
    {
        var line = Encode(new CheckSample("a,b c=d\"é", "x", "http", "", At, false));

        Assert.StartsWith("check_result,service=a\\,b\\ c\\=d\"é,check=x,kind=http up=0i ", line);
    }

    [Fact]
    public void Leaves_out_empty_tags_and_missing_fields()
    {
        var line = Encode(new CheckSample("s", "c", "push", "", At, true));

        Assert.Equal("check_result,service=s,check=c,kind=push up=1i 1700000000123\n", line);
    }

    [Fact]
    public void Escapes_quotes_and_backslashes_in_string_fields_and_keeps_line_breaks_inside_the_quotes()
    {
        var line = Encode(new CheckSample("s", "c", "http", "", At, false, Error: "said \"no\"\nC:\\path\\"));

        Assert.Contains(",error=\"said \\\"no\\\"\nC:\\\\path\\\\\" ", line);
    }

    [Fact]
    public void Writes_security_facts_to_security_event_with_typed_fields()
    {
        var line = Encode(new SecuritySample("Payments API", "cert", "tls", "", At, CertDaysLeft: 2.5, TlsVersion: "TLS 1.3", ChainValid: true, HostnameValid: false));

        Assert.Equal("security_event,service=Payments\\ API,check=cert,kind=tls cert_days_left=2.5,tls_version=\"TLS 1.3\",chain_valid=true,hostname_valid=false 1700000000123\n", line);
    }

    [Fact]
    public void A_sample_without_any_field_writes_no_line() =>
        Assert.Equal("", Encode(new SecuritySample("s", "c", "push", "", At)));

    private static string Encode(Sample sample)
    {
        var builder = new StringBuilder();
        LineProtocol.Append(builder, sample);
        return builder.ToString();
    }
}
