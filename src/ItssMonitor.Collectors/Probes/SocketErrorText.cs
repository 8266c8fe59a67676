using System.Net.Sockets;

namespace ItssMonitor.Collectors.Probes;

/// <summary>Short wording of connection failures, the same for every probe: "connection refused (db.example:5432)".</summary>
internal static class SocketErrorText
{
    public static string Describe(SocketException exception, string target) => $"{Describe(exception.SocketErrorCode, exception.Message)} ({target})";

    private static string Describe(SocketError error, string fallback) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.ConnectionReset => "connection reset",
        SocketError.ConnectionAborted => "connection aborted",
        SocketError.HostUnreachable => "host unreachable",
        SocketError.NetworkUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.TimedOut => "connection timed out",
        SocketError.HostNotFound or SocketError.NoData => "host not found",
        SocketError.TryAgain => "host name lookup failed temporarily",
        SocketError.AddressNotAvailable => "address not available",
        _ => fallback,
    };
}
