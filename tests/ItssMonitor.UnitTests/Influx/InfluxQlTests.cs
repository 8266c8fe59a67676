using ItssMonitor.Storage.Influx;

namespace ItssMonitor.UnitTests.Influx;

public sealed class InfluxQlTests
{
    [Fact]
    public void String_literals_escape_quotes_backslashes_and_line_breaks() =>
        Assert.Equal(@"'it\'s \\ a\ntest'", InfluxQl.StringLiteral("it's \\ a\ntest"));

    [Fact]
    public void Identifiers_are_always_double_quoted() =>
        Assert.Equal("\"say \\\"hi\\\"\"", InfluxQl.Identifier("say \"hi\""));

    [Fact]
    public void A_name_that_tries_to_end_the_literal_stays_inside_it() =>
        Assert.Equal(@"""service"" = 'x\' OR 1=1 --'", InfluxQl.TagEquals("service", "x' OR 1=1 --"));

    [Fact]
    public void Tag_comparisons_use_the_stored_form_of_the_value() =>
        Assert.Equal(@"""service"" = '100%25'", InfluxQl.TagEquals("service", "100%"));
}
