using System.Globalization;
using System.Net;
using DnsClient;
using Xunit;

namespace ItssMonitor.TestServers;

/// <summary>
/// A real name server for tests: the local <c>dnsmasq</c> on a free 127.0.0.1 port, answering for the zone
/// <see cref="Zone"/> only (the records below), NXDOMAIN for other names in it and REFUSED for names outside
/// it, since it has no upstream. It needs no Docker: the Debian package is small and starts in milliseconds.
/// </summary>
public sealed class DnsServer : IAsyncLifetime
{
    public const string Zone = "test.itss";
    public const string WebName = "web.test.itss";
    public const string WebAddress = "10.1.2.3";
    public const string WebAddressV6 = "fd00::1:2:3";
    public const string AliasName = "alias.test.itss";
    public const string MailExchange = "mail.test.itss";
    public const int MailPreference = 10;
    public const string Txt = "v=spf1 -all";
    public const string SrvName = "_http._tcp.test.itss";
    public const int SrvPort = 8080;

    /// <summary>A name in the zone that does not exist (NXDOMAIN).</summary>
    public const string MissingName = "missing.test.itss";

    /// <summary>A name outside the zone, which this server refuses (REFUSED).</summary>
    public const string OutsideName = "elsewhere.example";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);

    private readonly ServerResources _resources = new();
    private int _port;

    /// <summary>Where the server listens, as "127.0.0.1:port" (the form of a dns check's resolver).</summary>
    public string Endpoint => _port != 0 ? $"127.0.0.1:{_port.ToString(CultureInfo.InvariantCulture)}" : throw new InvalidOperationException(
        "The DNS fixture has not started yet: xunit starts it through IAsyncLifetime.InitializeAsync.");

    public async Task InitializeAsync()
    {
        var dnsmasq = ServerBinary.Find("dnsmasq") ?? throw new InvalidOperationException(
            "A DNS server is needed for these tests and dnsmasq is not installed. Install it with: apt-get install -y dnsmasq-base");

        await _resources.StartAsync(async () =>
        {
            var directory = _resources.Directory = ScratchDirectory.Create("dnsmasq");
            var port = FreePort.Next();
            var arguments = new List<string>
            {
                "--no-daemon",
                $"--port={port.ToString(CultureInfo.InvariantCulture)}",
                "--listen-address=127.0.0.1",
                "--bind-interfaces",

                // Nothing from this machine: no /etc/resolv.conf upstreams, no /etc/hosts, no /etc/dnsmasq.conf.
                "--no-resolv",
                "--no-hosts",
                "--conf-file=/dev/null",
                $"--pid-file={directory.Combine("dnsmasq.pid")}",
                $"--local=/{Zone}/",
                $"--host-record={WebName},{WebAddress},{WebAddressV6}",
                $"--cname={AliasName},{WebName}",
                $"--mx-host={Zone},{MailExchange},{MailPreference.ToString(CultureInfo.InvariantCulture)}",
                $"--host-record={MailExchange},10.1.2.25",
                // One argument, no shell: quotes here would become part of the text.
                $"--txt-record={Zone},{Txt}",
                $"--srv-host={SrvName},{WebName},{SrvPort.ToString(CultureInfo.InvariantCulture)},0,5",
                "--cache-size=0",
                "--log-facility=-",
            };
            if (Environment.IsPrivilegedProcess)
            {
                // As root dnsmasq would switch to a "dnsmasq" or "nobody" user that may not exist here.
                arguments.Add("--user=root");
            }

            var process = _resources.Process = LocalServerProcess.Start("dnsmasq", dnsmasq, arguments, directory.Path);
            await process.WaitUntilReadyAsync(ct => AnswersAsync(port, ct), ReadyTimeout);
            _port = port;
        });
    }

    public Task DisposeAsync() => _resources.ReleaseAsync();

    private static async Task<bool> AnswersAsync(int port, CancellationToken ct)
    {
        var lookup = new LookupClient(new LookupClientOptions(new IPEndPoint(IPAddress.Loopback, port))
        {
            UseCache = false,
            Retries = 0,
            Timeout = TimeSpan.FromSeconds(1),
        });
        var response = await lookup.QueryAsync(WebName, QueryType.A, QueryClass.IN, ct);
        return !response.HasError && response.Answers.Count > 0;
    }
}
