using System.Net.Sockets;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.Collectors.Probes;

/// <summary>Opens a TCP connection to Host:Port. Up when it is accepted (within the latency limit); latency is the connect time.</summary>
public sealed class TcpProbe(TimeProvider time) : IProbe
{
    public string Kind => CheckKinds.Tcp;

    public async Task<ProbeOutcome> ProbeAsync(CheckDefinition check, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(check.Host) || check.Port is not { } port)
        {
            return ProbeOutcome.Failed("no host and port configured");
        }

        var target = new HostPort(check.Host, port).ToString();
        try
        {
            var (socket, timer) = await TcpConnector.ConnectAsync(check.Host, port, time, cancellationToken);
            using (socket)
            {
                return new ProbeOutcome(true, timer.ElapsedMs).WithinLatencyLimit(check.Expect.MaxLatencyMs);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ProbeOutcome.TimedOut(check.Timeout);
        }
        catch (SocketException exception)
        {
            return ProbeOutcome.Failed(SocketErrorText.Describe(exception, target));
        }
    }
}
