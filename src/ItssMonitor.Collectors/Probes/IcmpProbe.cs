using System.Globalization;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// An ICMP echo to Host. Up when the reply is Success (within the latency limit); latency is the round trip
/// measured here, since the reply's own figure is whole milliseconds and reads 0 on a LAN. Needs raw sockets (root or CAP_NET_RAW); elsewhere .NET falls back to the ping tool.
/// </summary>
public sealed class IcmpProbe(TimeProvider time) : IProbe
{
    public string Kind => CheckKinds.Icmp;

    public async Task<ProbeOutcome> ProbeAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(check.Host))
        {
            return ProbeOutcome.Failed("no host configured");
        }

        try
        {
            var addresses = await HostAddresses.ResolveAsync(check.Host, cancellationToken);
            using var ping = new Ping();
            var timer = LatencyTimer.Start(time);

            // Ping has its own timeout; the token is honoured too in case it fires first (a slow lookup before).
            var reply = await ping.SendPingAsync(addresses[0], check.Timeout, buffer: null, options: null, cancellationToken).WaitAsync(cancellationToken);
            return reply.Status == IPStatus.Success
                ? new ProbeOutcome(true, timer.ElapsedMs).WithinLatencyLimit(check.Expect.MaxLatencyMs)
                : ProbeOutcome.Failed(Describe(reply.Status, check.Host, addresses[0].ToString(), check.Timeout));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.TimedOut(check.Timeout);
        }
        catch (SocketException exception)
        {
            return ProbeOutcome.Failed(SocketErrorText.Describe(exception, check.Host));
        }
        catch (PingException exception)
        {
            return ProbeOutcome.Failed($"ping to {check.Host} failed: {exception.InnerException?.Message ?? exception.Message}");
        }
    }

    private static string Describe(IPStatus status, string host, string address, TimeSpan timeout)
    {
        var target = host == address ? host : $"{host} ({address})";
        return status == IPStatus.TimedOut
            ? string.Create(CultureInfo.InvariantCulture, $"no echo reply from {target} within {timeout.TotalMilliseconds:0} ms (TimedOut)")
            : $"echo to {target} failed: {status}";
    }
}
