using System.Net.Sockets;

namespace ItssMonitor.Collectors.Probes;

/// <summary>Opens the TCP connection the tcp and tls probes measure, with the host looked up first so that latency is the connection's alone.</summary>
internal static class TcpConnector
{
    /// <summary>
    /// Connects to the first of the host's addresses that accepts, starting <paramref name="timer"/> once the
    /// addresses are known; throws <see cref="SocketException"/> when none does.
    /// </summary>
    public static async Task<(Socket Socket, LatencyTimer Timer)> ConnectAsync(string host, int port, TimeProvider time, CancellationToken cancellationToken)
    {
        var addresses = await HostAddresses.ResolveAsync(host, cancellationToken);

        // Dual mode reaches IPv4 and IPv6 addresses alike.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            var timer = LatencyTimer.Start(time);
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return (socket, timer);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
