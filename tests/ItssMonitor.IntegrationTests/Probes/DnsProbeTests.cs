using System.Net;
using System.Net.Sockets;
using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.TestServers;

namespace ItssMonitor.IntegrationTests.Probes;

/// <summary>The DNS probe against a real name server (dnsmasq) on loopback, and once against the system's resolver.</summary>
public sealed class DnsProbeTests(DnsServer dns) : IClassFixture<DnsServer>
{
    private readonly DnsProbe _probe = new(TimeProvider.System);

    private Task<ProbeOutcome> RunAsync(string name, string recordType = "A", string? value = null, double? maxLatencyMs = null, string? resolver = null, int timeoutMs = 3000) =>
        ProbeRun.RunAsync(_probe, ProbeRun.Check(CheckKinds.Dns, timeoutMs) with
        {
            Host = name,
            RecordType = recordType,
            Resolver = resolver ?? dns.Endpoint,
            Expect = new CheckExpectation(MaxLatencyMs: maxLatencyMs, Value: value),
        });

    [Fact]
    public async Task A_name_with_an_A_record_is_up_with_the_resolution_time()
    {
        var outcome = await RunAsync(DnsServer.WebName);

        Assert.True(outcome.Up, outcome.Error);
        Assert.True(outcome.LatencyMs > 0);
    }

    [Theory]
    [InlineData(DnsServer.WebName, "A", DnsServer.WebAddress)]
    [InlineData(DnsServer.WebName, "aaaa", "fd00:0:0:0:0:1:2:3")]
    [InlineData(DnsServer.AliasName, "CNAME", "WEB.test.itss.")]
    [InlineData(DnsServer.Zone, "MX", DnsServer.MailExchange)]
    [InlineData(DnsServer.Zone, "MX", "10 mail.test.itss")]
    [InlineData(DnsServer.Zone, "TXT", DnsServer.Txt)]
    [InlineData(DnsServer.SrvName, "SRV", DnsServer.WebName)]
    [InlineData(DnsServer.WebAddress, "PTR", DnsServer.WebName)]
    public async Task The_expected_value_is_found_among_the_answers(string name, string recordType, string value)
    {
        var outcome = await RunAsync(name, recordType, value);

        Assert.True(outcome.Up, outcome.Error);
    }

    [Fact]
    public async Task An_A_question_answered_through_a_CNAME_counts_the_address_only()
    {
        var outcome = await RunAsync(DnsServer.AliasName, "A", DnsServer.WebAddress);

        Assert.True(outcome.Up, outcome.Error);
    }

    [Fact]
    public async Task A_different_value_is_down_naming_what_was_there()
    {
        var outcome = await RunAsync(DnsServer.WebName, "A", "10.9.9.9");

        Assert.False(outcome.Up);
        Assert.Equal($"no A record for {DnsServer.WebName} equals 10.9.9.9 (got {DnsServer.WebAddress})", outcome.Error);
    }

    [Fact]
    public async Task A_name_that_does_not_exist_is_down_as_NXDOMAIN()
    {
        var outcome = await RunAsync(DnsServer.MissingName);

        Assert.False(outcome.Up);
        Assert.Equal($"{DnsServer.MissingName} does not exist (NXDOMAIN)", outcome.Error);
        Assert.NotNull(outcome.LatencyMs);
    }

    [Fact]
    public async Task A_name_without_records_of_the_type_is_down_as_an_empty_answer()
    {
        var outcome = await RunAsync(DnsServer.WebName, "MX");

        Assert.False(outcome.Up);
        Assert.Equal($"no MX record for {DnsServer.WebName}", outcome.Error);
    }

    [Fact]
    public async Task A_server_error_is_down_with_the_response_code()
    {
        var outcome = await RunAsync(DnsServer.OutsideName);

        Assert.False(outcome.Up);
        Assert.Equal($"query refused (REFUSED) from {dns.Endpoint} for {DnsServer.OutsideName}", outcome.Error);
    }

    [Fact]
    public async Task A_resolution_slower_than_the_limit_is_down()
    {
        var outcome = await RunAsync(DnsServer.WebName, maxLatencyMs: 0);

        Assert.False(outcome.Up);
        Assert.Matches(@"^answer took \d+ ms, limit 0 ms$", outcome.Error);
    }

    [Fact]
    public async Task A_resolver_that_never_answers_times_out_within_the_timeout()
    {
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = (IPEndPoint)silent.Client.LocalEndPoint!;

        var outcome = await RunAsync(DnsServer.WebName, resolver: $"127.0.0.1:{endpoint.Port}", timeoutMs: 500);

        Assert.False(outcome.Up);
        Assert.Equal("no answer within 500 ms", outcome.Error);
    }

    [Theory]
    [InlineData("BOGUS", "unknown record type 'BOGUS'")]
    [InlineData("1", "unknown record type '1'")]
    public async Task An_unknown_record_type_is_down_saying_so(string recordType, string error)
    {
        var outcome = await RunAsync(DnsServer.WebName, recordType);

        Assert.False(outcome.Up);
        Assert.Equal(error, outcome.Error);
    }

    [Fact]
    public async Task A_malformed_resolver_is_down_saying_so()
    {
        var outcome = await RunAsync(DnsServer.WebName, resolver: "127.0.0.1:notaport");

        Assert.False(outcome.Up);
        Assert.Equal("resolver '127.0.0.1:notaport' is not host:port", outcome.Error);
    }

    [Fact]
    public async Task Without_a_resolver_the_system_name_servers_are_asked()
    {
        // .invalid is reserved (RFC 6761): every resolver that answers at all answers NXDOMAIN for it, so this
        // proves the question reached the name server in /etc/resolv.conf without needing the internet.
        var name = $"itssmonitor-{Guid.NewGuid():N}.invalid";

        var outcome = await ProbeRun.RunAsync(_probe, ProbeRun.Check(CheckKinds.Dns) with { Host = name });

        Assert.False(outcome.Up);
        Assert.Equal($"{name} does not exist (NXDOMAIN)", outcome.Error);
    }
}
