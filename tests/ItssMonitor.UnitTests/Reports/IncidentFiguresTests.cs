using ItssMonitor.Core.Reports;

namespace ItssMonitor.UnitTests.Reports;

public sealed class IncidentFiguresTests
{
    [Fact]
    public void Combined_means_are_weighted_by_the_incidents_that_got_that_far()
    {
        // A: 2 acknowledged after 60 s on average, 1 resolved after 600 s; B: 1 acknowledged after 240 s, none resolved.
        // MTTA (2 × 60 + 240) / 3 = 120 s; MTTR 600 s over the one resolved incident.
        var combined = IncidentFigures.Combine([new(3, 2, 60, 1, 600), new(1, 1, 240, 0, null), IncidentFigures.None]);

        Assert.Equal(new IncidentFigures(4, 3, 120, 1, 600), combined);
        Assert.Equal(IncidentFigures.None, IncidentFigures.Combine([]));
    }
}
