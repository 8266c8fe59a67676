using ItssMonitor.Collectors.Probes;
using ItssMonitor.Core.Monitoring;

namespace ItssMonitor.UnitTests.Fakes;

internal sealed class ScriptedProbe(Func<CheckDefinition, CancellationToken, Task<ProbeOutcome>> behaviour) : IProbe
{
    public string Kind => "scripted";

    public Task<ProbeOutcome> ProbeAsync(CheckDefinition check, CancellationToken cancellationToken) => behaviour(check, cancellationToken);
}
