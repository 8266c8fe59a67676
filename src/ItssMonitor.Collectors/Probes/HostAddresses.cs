using System.Net;
using System.Net.Sockets;

namespace ItssMonitor.Collectors.Probes;

/// <summary>
/// The addresses of a probe's host, looked up apart from the connection so that latency measures the
/// connection alone and a lookup failure reads as one ("host not found (payments.example)").
/// </summary>
internal static class HostAddresses
{
    /// <summary>The host's addresses; throws <see cref="SocketException"/> when it has none.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        // getaddrinfo cannot always be interrupted; WaitAsync keeps the probe within its timeout regardless.
        var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).WaitAsync(cancellationToken);
        return addresses.Length > 0 ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }
}
