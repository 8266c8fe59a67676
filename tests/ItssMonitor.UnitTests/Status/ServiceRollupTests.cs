using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Status;
using static ItssMonitor.Core.Status.CheckState;

namespace ItssMonitor.UnitTests.Status;

public sealed class ServiceRollupTests
{
    [Theory]
    [InlineData(new[] { Up, Up }, ServiceState.Up)]
    [InlineData(new[] { Up, Unknown }, ServiceState.Up)]
    [InlineData(new[] { Unknown, Unknown }, ServiceState.Unknown)]
    [InlineData(new[] { Down, Down }, ServiceState.Down)]
    [InlineData(new[] { Down, Up }, ServiceState.Degraded)]
    [InlineData(new[] { Down, Stale }, ServiceState.Degraded)]
    [InlineData(new[] { Stale, Up }, ServiceState.Stale)]
    public void A_service_is_as_bad_as_its_checks_say(CheckState[] checks, ServiceState expected) =>
        Assert.Equal(expected, ServiceRollup.StateOf(checks, latencyMs: 10, sla: null));

    [Fact]
    public void A_service_slower_than_its_latency_objective_is_degraded()
    {
        Assert.Equal(ServiceState.Degraded, ServiceRollup.StateOf([Up], latencyMs: 301, new ServiceSla(99.9, 300)));
        Assert.Equal(ServiceState.Up, ServiceRollup.StateOf([Up], latencyMs: 300, new ServiceSla(99.9, 300)));
    }

    [Fact]
    public void A_service_without_checks_is_unknown() =>
        Assert.Equal(ServiceState.Unknown, ServiceRollup.StateOf([], latencyMs: null, sla: null));
}
