using ItssMonitor.Core.Samples;
using ItssMonitor.Server.Ingest;

namespace ItssMonitor.UnitTests.Ingest;

public sealed class LinePointReaderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);

    [Fact]
    public void Reads_a_Telegraf_check_result_line_into_a_check_sample_in_milliseconds()
    {
        var sample = Assert.IsType<CheckSample>(Read("check_result,check=health,host=h1,location=eu,service=Payments\\ API up=1i,latency_ms=12.5,status_code=200i,error=\"slow\" 1700000000123456789"));

        Assert.Equal(new CheckSample("Payments API", "health", "", "eu", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123), true, 12.5, 200, "slow"), sample);
    }

    [Theory]
    [InlineData("up=1i", true)]
    [InlineData("up=0i", false)]
    [InlineData("up=1u", true)]
    [InlineData("up=true", true)]
    [InlineData("up=F", false)]
    [InlineData("up=1", true)]
    [InlineData("up=0.0", false)]
    public void Accepts_up_as_integer_boolean_or_float_zero_or_one(string field, bool expected) =>
        Assert.Equal(expected, Assert.IsType<CheckSample>(Read($"check_result,service=s,check=c {field}")).Up);

    [Fact]
    public void Accepts_latency_as_an_integer_too() =>
        Assert.Equal(7.0, Assert.IsType<CheckSample>(Read("check_result,service=s,check=c up=1i,latency_ms=7i")).LatencyMs);

    [Theory]
    [InlineData("cpu,service=s,check=c up=1i", "measurement \"cpu\" is not accepted; only check_result and security_event are")]
    [InlineData("check_result,check=c up=1i", "tag service is missing")]
    [InlineData("check_result,service=s up=1i", "tag check is missing")]
    [InlineData("check_result,service=s,check=c latency_ms=1", "field up is missing (0 or 1)")]
    [InlineData("check_result,service=s,check=c up=7i", "field up: expected 0 or 1, got 7")]
    [InlineData("check_result,service=s,check=c up=0.5", "field up: expected 0 or 1, got 0.5")]
    [InlineData("check_result,service=s,check=c up=\"yes\"", "field up: expected 0 or 1, got the string \"yes\"")]
    [InlineData("check_result,service=s,check=c up=1i,latency_ms=-1", "field latency_ms: expected a number of milliseconds, 0 or more, got -1")]
    [InlineData("check_result,service=s,check=c up=1i,latency_ms=\"fast\"", "field latency_ms: expected a number of milliseconds")]
    [InlineData("check_result,service=s,check=c up=1i,status_code=200.5", "field status_code: expected an integer from 0 to 999, got 200.5")]
    [InlineData("check_result,service=s,check=c up=1i,status_code=1000i", "field status_code: expected an integer from 0 to 999, got 1000")]
    [InlineData("check_result,service=s,check=c up=1i,error=1i", "field error: expected a string, got 1")]
    [InlineData("check_result,service=s,check=c up=1i,latency=3", "unknown field \"latency\"; check_result has up, latency_ms, status_code and error")]
    [InlineData("security_event,service=s,check=c auth_failures=-1i", "field auth_failures: expected an integer from 0")]
    [InlineData("security_event,service=s,check=c chain_valid=\"yes\"", "field chain_valid: expected true or false")]
    [InlineData("security_event,service=s,check=c cpu=1", "unknown field \"cpu\"; security_event has")]
    public void Rejects_what_the_schema_does_not_allow_with_the_reason(string line, string reason)
    {
        var point = Assert.Single(LineProtocolParser.Parse(line).Points);

        Assert.StartsWith(reason, LinePointReader.Read(point, TimestampPrecision.Nanoseconds, Now, out var sample));
        Assert.Null(sample);
    }

    [Fact]
    public void A_name_longer_than_the_limit_is_rejected() =>
        Assert.Equal(
            "tag service is longer than 256 characters",
            LinePointReader.Read(Assert.Single(LineProtocolParser.Parse($"check_result,service={new string('s', 257)},check=c up=1i").Points), TimestampPrecision.Nanoseconds, Now, out _));

    [Fact]
    public void A_long_error_text_is_cut_not_rejected()
    {
        var sample = Assert.IsType<CheckSample>(Read($"check_result,service=s,check=c up=0i,error=\"{new string('e', 5000)}\""));

        Assert.Equal(SampleValues.MaxErrorLength, sample.Error!.Length);
    }

    [Fact]
    public void Reads_security_events_with_every_fact()
    {
        var sample = Assert.IsType<SecuritySample>(Read("security_event,service=Identity,check=login,kind=http cert_days_left=12.5,tls_version=\"TLS 1.3\",chain_valid=t,hostname_valid=false,auth_failures=42i 1700000000000000000"));

        Assert.Equal(new SecuritySample("Identity", "login", "http", "", DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), 12.5, "TLS 1.3", true, false, 42), sample);
    }

    [Fact]
    public void A_line_without_a_timestamp_gets_now() => Assert.Equal(Now, Read("check_result,service=s,check=c up=1i").Timestamp);

    [Fact]
    public void Percent_signs_in_pushed_tags_are_names_not_encodings() =>
        Assert.Equal("50%25", Read("check_result,service=50%25,check=c up=1i").Service);

    private static Sample Read(string line)
    {
        var point = Assert.Single(LineProtocolParser.Parse(line).Points);
        Assert.Null(LinePointReader.Read(point, TimestampPrecision.Nanoseconds, Now, out var sample));
        return sample!;
    }
}
