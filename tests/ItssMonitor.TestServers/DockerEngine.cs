using DotNet.Testcontainers.Configurations;

namespace ItssMonitor.TestServers;

/// <summary>
/// Whether a Docker engine answers, decided once per test run, so that every fixture picks the same
/// kind of server (containers or local processes).
/// </summary>
public static class DockerEngine
{
    // Testcontainers pings each candidate endpoint (DOCKER_HOST, ~/.testcontainers.properties, the
    // socket, rootless and Desktop sockets) and keeps the first that answers, so asking it gives the same
    // answer the containers would get. Where nothing listens this fails in well under a second.
    private static readonly Lazy<bool> Answers = new(() =>
    {
        try
        {
            return TestcontainersSettings.OS.DockerEndpointAuthConfig is not null;
        }
        catch (Exception)
        {
            // A broken Docker configuration counts as no engine: the local binaries can still serve.
            return false;
        }
    });

    /// <summary>True when a Docker engine answered the first time this was asked.</summary>
    public static bool IsAvailable => Answers.Value;
}
