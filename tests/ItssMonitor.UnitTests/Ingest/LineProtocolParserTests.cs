using ItssMonitor.Server.Ingest;

namespace ItssMonitor.UnitTests.Ingest;

public sealed class LineProtocolParserTests
{
    [Fact]
    public void Parses_a_line_as_Telegraf_writes_it_with_a_nanosecond_timestamp()
    {
        var point = Single("check_result,check=health,host=agent-1,service=Payments\\ API up=1i,latency_ms=12.5,status_code=200i 1700000000000000000\n");

        Assert.Equal("check_result", point.Measurement);
        Assert.Equal("Payments API", point.Tags["service"]);
        Assert.Equal("health", point.Tags["check"]);
        Assert.Equal("agent-1", point.Tags["host"]);
        Assert.Equal(1L, point.Fields["up"]);
        Assert.Equal(12.5, point.Fields["latency_ms"]);
        Assert.Equal(200L, point.Fields["status_code"]);
        Assert.Equal(1_700_000_000_000_000_000, point.Timestamp);
    }

    [Fact]
    public void Unescapes_commas_spaces_and_equals_in_tag_keys_tag_values_and_field_keys()
    {
        var point = Single("m,a\\,b\\ c\\=d=e\\,f\\ g\\=h x\\ y\\=z\\,w=1i");

        Assert.Equal("e,f g=h", point.Tags["a,b c=d"]);
        Assert.Equal(1L, point.Fields["x y=z,w"]);
    }

    [Fact]
    public void Unescapes_commas_and_spaces_in_the_measurement_and_keeps_equals_signs_there()
    {
        Assert.Equal("my measure,ment=x", Single("my\\ measure\\,ment=x f=1").Measurement);
    }

    [Fact]
    public void Keeps_backslashes_that_escape_nothing_as_InfluxDB_1x_does()
    {
        var point = Single("m\\x,t=C:\\dir\\file f=1");

        Assert.Equal("m\\x", point.Measurement);
        Assert.Equal("C:\\dir\\file", point.Tags["t"]);
    }

    [Fact]
    public void Does_not_percent_decode_tag_values()
    {
        Assert.Equal("50%25", Single("m,service=50%25 f=1").Tags["service"]);
    }

    [Fact]
    public void Keeps_unicode_and_quotes_in_tags_as_they_are()
    {
        Assert.Equal("Zürich \"east\"", Single("m,site=Zürich\\ \"east\" f=1").Tags["site"]);
    }

    [Fact]
    public void Reads_quoted_strings_with_escaped_quotes_and_backslashes_and_keeps_other_backslashes()
    {
        var point = Single("m error=\"said \\\"no\\\" at C:\\\\path and \\n stays\",other=\"a,b c=d\"");

        Assert.Equal("said \"no\" at C:\\path and \\n stays", point.Fields["error"]);
        Assert.Equal("a,b c=d", point.Fields["other"]);
    }

    [Fact]
    public void A_literal_line_break_inside_quotes_belongs_to_the_string_and_still_counts_for_line_numbers()
    {
        var batch = LineProtocolParser.Parse("m error=\"first\nsecond\" 1\nm bad\nm f=2");

        Assert.Equal(2, batch.Points.Count);
        Assert.Equal("first\nsecond", batch.Points[0].Fields["error"]);
        Assert.Equal(1, batch.Points[0].Line);
        Assert.Equal(4, batch.Points[1].Line);
        Assert.Equal(3, Assert.Single(batch.Errors).Line);
    }

    [Theory]
    [InlineData("0i", 0L)]
    [InlineData("-42i", -42L)]
    [InlineData("9223372036854775807i", long.MaxValue)]
    public void Reads_integers_with_the_i_suffix(string text, long expected) =>
        Assert.Equal(expected, Single($"m f={text}").Fields["f"]);

    [Fact]
    public void Reads_unsigned_integers_with_the_u_suffix() =>
        Assert.Equal(18446744073709551615UL, Single("m f=18446744073709551615u").Fields["f"]);

    [Theory]
    [InlineData("1", 1.0)]
    [InlineData("-1.5", -1.5)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1.5E-3", 0.0015)]
    [InlineData("2.5e+2", 250.0)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    public void Reads_floats_with_and_without_exponents(string text, double expected) =>
        Assert.Equal(expected, Single($"m f={text}").Fields["f"]);

    [Theory]
    [InlineData("t", true)]
    [InlineData("T", true)]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("f", false)]
    [InlineData("F", false)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    public void Reads_every_boolean_spelling_InfluxDB_accepts(string text, bool expected) =>
        Assert.Equal(expected, Single($"m f={text}").Fields["f"]);

    [Fact]
    public void A_missing_timestamp_is_null() => Assert.Null(Single("m f=1").Timestamp);

    [Fact]
    public void Negative_timestamps_are_accepted() => Assert.Equal(-1000L, Single("m f=1 -1000").Timestamp);

    [Fact]
    public void Skips_comments_blank_lines_and_leading_whitespace_and_handles_CRLF()
    {
        var batch = LineProtocolParser.Parse("# a comment\r\n\r\n   \r\n  m,t=a f=1i 5\r\nm f=2\r\n");

        Assert.Empty(batch.Errors);
        Assert.Equal(2, batch.Points.Count);
        Assert.Equal("a", batch.Points[0].Tags["t"]);
        Assert.Equal(5L, batch.Points[0].Timestamp);
        Assert.Equal(4, batch.Points[0].Line);
        Assert.Equal(5, batch.Points[1].Line);
        Assert.Equal(2.0, batch.Points[1].Fields["f"]);
    }

    [Fact]
    public void Trailing_whitespace_after_the_timestamp_is_allowed() => Assert.Equal(7L, Single("m f=1 7  ").Timestamp);

    [Theory]
    [InlineData("m", "missing fields")]
    [InlineData("m,t=a", "missing fields")]
    [InlineData("m ", "missing fields")]
    [InlineData(",t=a f=1", "missing measurement")]
    [InlineData("m,=a f=1", "missing tag key")]
    [InlineData("m,t f=1", "tag \"t\" has no value")]
    [InlineData("m,t= f=1", "tag \"t\" has no value")]
    [InlineData("m,t=a=b f=1", "tag \"t\": unescaped '='")]
    [InlineData("m,t=a,t=b f=1", "duplicate tag \"t\"")]
    [InlineData("m =1", "missing field key")]
    [InlineData("m f", "field \"f\" has no value")]
    [InlineData("m f=", "field \"f\" has no value")]
    [InlineData("m f=,g=1", "field \"f\" has no value")]
    [InlineData("m f=1,f=2", "duplicate field \"f\"")]
    [InlineData("m f=abc", "field \"f\": invalid value \"abc\"")]
    [InlineData("m f=1.5i", "field \"f\": invalid value \"1.5i\"")]
    [InlineData("m f=-1u", "field \"f\": invalid value \"-1u\"")]
    [InlineData("m f=1e", "field \"f\": invalid value \"1e\"")]
    [InlineData("m f=NaN", "field \"f\": invalid value \"NaN\"")]
    [InlineData("m f=tru", "field \"f\": invalid value \"tru\"")]
    [InlineData("m f=9223372036854775808i", "field \"f\": integer 9223372036854775808i is out of range")]
    [InlineData("m f=1e999", "field \"f\": number 1e999 is out of range")]
    [InlineData("m f=\"open", "field \"f\": unterminated string")]
    [InlineData("m f=\"a\"b", "field \"f\": unexpected \"b\" after the closing quote")]
    [InlineData("m f=1 abc", "timestamp \"abc\" is not an integer")]
    [InlineData("m f=1 1.5", "timestamp \"1.5\" is not an integer")]
    [InlineData("m f=1 99999999999999999999", "timestamp \"99999999999999999999\" is out of range")]
    [InlineData("m f=1 123 garbage", "unexpected \"garbage\" after the timestamp")]
    public void Rejects_a_malformed_line_with_the_reason(string line, string reason)
    {
        var batch = LineProtocolParser.Parse(line);

        Assert.Empty(batch.Points);
        var error = Assert.Single(batch.Errors);
        Assert.Equal(1, error.Line);
        Assert.StartsWith(reason, error.Reason);
    }

    [Fact]
    public void A_bad_line_does_not_stop_the_lines_after_it()
    {
        var batch = LineProtocolParser.Parse("m f=1\nm f=oops\nm f=3\nm\nm f=5\n");

        Assert.Equal([1, 3, 5], batch.Points.Select(p => p.Line));
        Assert.Equal([2, 4], batch.Errors.Select(e => e.Line!.Value));
    }

    [Fact]
    public void A_trailing_backslash_escapes_the_line_break_as_in_InfluxDB_so_two_lines_become_one()
    {
        // Why InfluxTagValue percent-encodes backslashes when we write: InfluxDB reads this the same way.
        var batch = LineProtocolParser.Parse("m,t=a\\\nm f=1");

        Assert.Empty(batch.Errors);
        Assert.Equal("a\\\nm", Assert.Single(batch.Points).Tags["t"]);
    }

    [Fact]
    public void Quotes_in_tag_values_do_not_open_a_string()
    {
        var batch = LineProtocolParser.Parse("m,t=\"x f=1\nm f=2");

        Assert.Empty(batch.Errors);
        Assert.Equal(2, batch.Points.Count);
        Assert.Equal("\"x", batch.Points[0].Tags["t"]);
    }

    [Fact]
    public void Overlong_values_are_shortened_in_the_reason()
    {
        var error = Assert.Single(LineProtocolParser.Parse("m f=" + new string('x', 500)).Errors);

        Assert.True(error.Reason.Length < 200, error.Reason);
        Assert.Contains("…", error.Reason);
    }

    [Fact]
    public void An_empty_body_has_no_points_and_no_errors()
    {
        var batch = LineProtocolParser.Parse("");

        Assert.Empty(batch.Points);
        Assert.Empty(batch.Errors);
    }

    private static LinePoint Single(string text)
    {
        var batch = LineProtocolParser.Parse(text);
        Assert.Empty(batch.Errors);
        return Assert.Single(batch.Points);
    }
}
