using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.UnitTests.Monitoring;

public sealed class HostPortTests
{
    [Theory]
    [InlineData("127.0.0.1:5353", "127.0.0.1", 5353)]
    [InlineData("ns1.example", "ns1.example", 53)]
    [InlineData(" ns1.example:54 ", "ns1.example", 54)]
    [InlineData("[::1]:5353", "::1", 5353)]
    [InlineData("[fd00::53]", "fd00::53", 53)]
    [InlineData("fd00::53", "fd00::53", 53)]
    public void Host_and_port_are_read_with_the_default_port_when_left_out(string text, string host, int port)
    {
        Assert.True(HostPort.TryParse(text, 53, out var parsed));
        Assert.Equal(new HostPort(host, port), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(":53")]
    [InlineData("host:")]
    [InlineData("host:dns")]
    [InlineData("host:0")]
    [InlineData("host:65536")]
    [InlineData("[::1")]
    [InlineData("[::1]53")]
    [InlineData("two words:53")]
    public void Anything_else_is_refused(string? text)
    {
        Assert.False(HostPort.TryParse(text, 53, out _));
    }

    [Fact]
    public void IPv6_addresses_are_written_in_brackets()
    {
        Assert.Equal("[::1]:53", new HostPort("::1", 53).ToString());
        Assert.Equal("db.example:5432", new HostPort("db.example", 5432).ToString());
    }
}
