using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Sla;

public sealed class SlaComplianceTests
{
    [Theory]
    [InlineData(0.999, 250.0, SlaVerdict.Met, SlaVerdict.Met, SlaVerdict.Met)]
    [InlineData(0.9989, 250.0, SlaVerdict.Breached, SlaVerdict.Met, SlaVerdict.Breached)]
    [InlineData(1.0, 300.5, SlaVerdict.Met, SlaVerdict.Breached, SlaVerdict.Breached)]
    [InlineData(1.0, null, SlaVerdict.Met, SlaVerdict.NoData, SlaVerdict.Met)]
    public void Each_objective_is_met_at_its_target_and_breached_past_it(double availability, double? p95, SlaVerdict expectedAvailability, SlaVerdict expectedLatency, SlaVerdict overall)
    {
        var compliance = SlaCompliance.Evaluate(new ServiceSla(99.9, 300), new SampleStatistics(1000, availability, 100, p95, 400));

        Assert.Equal(expectedAvailability, compliance.Availability);
        Assert.Equal(expectedLatency, compliance.LatencyP95);
        Assert.Equal(overall, compliance.Overall);
    }

    [Fact]
    public void Without_an_sla_there_is_nothing_to_meet_and_without_samples_nothing_to_judge()
    {
        Assert.Equal(SlaVerdict.NoObjective, SlaCompliance.Evaluate(null, new SampleStatistics(1, 1, 1, 1, 1)).Overall);
        Assert.Equal(SlaVerdict.NoData, SlaCompliance.Evaluate(new ServiceSla(99), null).Overall);
        Assert.Equal(SlaVerdict.NoObjective, SlaCompliance.Evaluate(new ServiceSla(99), null).LatencyP95);
    }
}
