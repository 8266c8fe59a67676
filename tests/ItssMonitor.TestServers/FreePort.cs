using System.Net;
using System.Net.Sockets;

namespace ItssMonitor.TestServers;

/// <summary>Finds loopback TCP ports that nothing listens on, for servers that must be told their port.</summary>
public static class FreePort
{
    // The kernel may hand the same ephemeral port to two quick binds once the first listener is closed;
    // remembering what this process gave out keeps fixtures started in parallel off each other's ports.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>A port on 127.0.0.1 that was free a moment ago and has not been returned before by this process.</summary>
    public static int Next()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();

            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }

        throw new InvalidOperationException("No free loopback port found after 50 attempts.");
    }
}
