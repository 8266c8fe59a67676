using System.Text.Json;
using ItssMonitor.Core.Samples;
using ItssMonitor.Server.Ingest;

namespace ItssMonitor.UnitTests.Ingest;

public sealed class JsonSampleReaderTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeMilliseconds(1_800_000_000_000);

    [Fact]
    public void Reads_every_property()
    {
        var sample = Read("""{"service":"Payments API","check":"nightly","kind":"push","timestamp":"2026-05-01T14:00:00.1239+02:00","up":false,"latencyMs":12.5,"statusCode":503,"error":"timeout","location":"eu-west"}""");

        Assert.Equal(new CheckSample("Payments API", "nightly", "push", "eu-west", new DateTimeOffset(2026, 5, 1, 12, 0, 0, 123, TimeSpan.Zero), false, 12.5, 503, "timeout"), sample);
    }

    [Fact]
    public void Leaves_out_what_is_optional_timestamp_now_and_kind_empty_for_the_policy()
    {
        Assert.Equal(new CheckSample("s", "c", "", "", Now, true), Read("""{"service":"s","check":"c","up":true}"""));
    }

    [Fact]
    public void Nulls_count_as_absent() =>
        Assert.Equal(new CheckSample("s", "c", "", "", Now, true), Read("""{"service":"s","check":"c","up":1,"latencyMs":null,"location":null}"""));

    [Theory]
    [InlineData("""[1]""", "expected an object, got an array")]
    [InlineData("""{"check":"c","up":true}""", "service is missing")]
    [InlineData("""{"service":"","check":"c","up":true}""", "service is missing")]
    [InlineData("""{"service":"s","up":true}""", "check is missing")]
    [InlineData("""{"service":"s","check":"c"}""", "up is missing (true or false)")]
    [InlineData("""{"service":1,"check":"c","up":true}""", "service: expected a string, got 1")]
    [InlineData("""{"service":"s","check":"c","up":7}""", "up: expected 0 or 1, got 7")]
    [InlineData("""{"service":"s","check":"c","up":"yes"}""", "up: expected 0 or 1, got the string \"yes\"")]
    [InlineData("""{"service":"s","check":"c","up":{}}""", "up: unexpected an object")]
    [InlineData("""{"service":"s","check":"c","up":true,"latencyMs":-3}""", "latencyMs: expected a number of milliseconds, 0 or more, got -3")]
    [InlineData("""{"service":"s","check":"c","up":true,"statusCode":20.5}""", "statusCode: expected an integer from 0 to 999, got 20.5")]
    [InlineData("""{"service":"s","check":"c","up":true,"timestamp":"2026-05-01T12:00:00"}""", "timestamp: expected ISO 8601 with an offset")]
    [InlineData("""{"service":"s","check":"c","up":true,"timestamp":1700000000}""", "timestamp: expected ISO 8601 with an offset")]
    [InlineData("""{"service":"s","check":"c","up":true,"timestamp":"yesterday"}""", "timestamp: expected ISO 8601 with an offset")]
    [InlineData("""{"service":"s","check":"c","up":true,"latency_ms":3}""", "unknown property \"latency_ms\" (known: type, service, check, kind, timestamp, location, up, latencyMs, statusCode, error)")]
    [InlineData("""{"type":"security","service":"s","check":"c","up":true}""", "unknown property \"up\" (known: type, service, check, kind, timestamp, location, certDaysLeft, tlsVersion, chainValid, hostnameValid, authFailures)")]
    [InlineData("""{"type":"metric","service":"s","check":"c"}""", "type: expected \"check\" (the default) or \"security\", got \"metric\"")]
    [InlineData("""{"service":"s","check":"c","up":true,"up":false}""", "property \"up\" appears twice")]
    public void Rejects_a_bad_sample_with_the_reason(string json, string reason)
    {
        using var document = JsonDocument.Parse(json);

        Assert.StartsWith(reason, JsonSampleReader.Read(document.RootElement, Now, out var sample));
        Assert.Null(sample);
    }

    [Theory]
    [InlineData("2026-05-01T12:00:00Z")]
    [InlineData("2026-05-01T12:00:00.000Z")]
    [InlineData("2026-05-01T14:00:00+02:00")]
    [InlineData("2026-05-01T07:00:00-05:00")]
    public void Accepts_ISO_8601_timestamps_with_any_offset(string timestamp) =>
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), Read($$"""{"service":"s","check":"c","up":true,"timestamp":"{{timestamp}}"}""").Timestamp);

    [Fact]
    public void Reads_security_facts_when_the_type_says_so() =>
        Assert.Equal(
            new SecuritySample("s", "cert", "tls", "eu", new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero), 2.5, "TLS 1.3", true, false, null),
            ReadAny("""{"type":"security","service":"s","check":"cert","kind":"tls","location":"eu","timestamp":"2026-05-01T12:00:00Z","certDaysLeft":2.5,"tlsVersion":"TLS 1.3","chainValid":true,"hostnameValid":false}"""));

    private static CheckSample Read(string json) => Assert.IsType<CheckSample>(ReadAny(json));

    private static Sample ReadAny(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Null(JsonSampleReader.Read(document.RootElement, Now, out var sample));
        return sample!;
    }
}
