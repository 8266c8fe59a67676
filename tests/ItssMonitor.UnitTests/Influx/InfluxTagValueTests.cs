using ItssMonitor.Storage.Influx;

namespace ItssMonitor.UnitTests.Influx;

public sealed class InfluxTagValueTests
{
    [Theory]
    [InlineData("Payments API")]
    [InlineData("a,b=c d\"e'f")]
    [InlineData("ünïcødé ✓ 日本")]
    public void Leaves_names_that_line_protocol_can_carry_as_they_are(string name) =>
        Assert.Equal(name, InfluxTagValue.Encode(name));

    [Theory]
    [InlineData("50%", "50%25")]
    [InlineData("C:\\dir\\", "C:%5Cdir%5C")]
    [InlineData("two\nlines\r\t", "two%0Alines%0D%09")]
    public void Percent_encodes_what_line_protocol_cannot_carry(string name, string stored) =>
        Assert.Equal(stored, InfluxTagValue.Encode(name));

    [Fact]
    public void Decoding_gives_back_every_string_byte_exact()
    {
        var random = new Random(20261122);
        const string alphabet = ",= \"'\\\n\r\t%#{}[]$*?éü✓日😀\u007f\u0001abcXYZ019";
        for (var i = 0; i < 2_000; i++)
        {
            var name = new string(Enumerable.Range(0, random.Next(1, 24)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(name, InfluxTagValue.Decode(InfluxTagValue.Encode(name)));
        }
    }
}
