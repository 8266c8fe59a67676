using ItssMonitor.Core.Status;

namespace ItssMonitor.IntegrationTests.Hub;

/// <summary>One message a <see cref="StatusListener"/> received: its hub method, when it arrived (<see cref="System.Diagnostics.Stopwatch"/> ticks), and the services it carried.</summary>
public sealed record ReceivedStatus(string Method, long At, IReadOnlyList<ServiceStatus> Services);
