using ItssMonitor.Collectors.Probes;

namespace ItssMonitor.UnitTests.Probes;

public sealed class ProbeOutcomeTests
{
    [Fact]
    public void An_up_outcome_over_the_latency_limit_turns_down_with_both_figures_and_keeps_the_rest()
    {
        var facts = new SecurityFacts(3, "TLS 1.3", true, true);
        var outcome = new ProbeOutcome(true, 812.4, 200, Security: facts).WithinLatencyLimit(500);

        Assert.Equal(new ProbeOutcome(false, 812.4, 200, "answer took 812 ms, limit 500 ms", facts), outcome);
    }

    [Theory]
    [InlineData(true, 499.9, 500.0)]
    [InlineData(true, 500.0, 500.0)]
    [InlineData(true, 900.0, null)]
    public void Within_the_limit_or_without_one_nothing_changes(bool up, double latency, double? limit)
    {
        var outcome = new ProbeOutcome(up, latency, 200);

        Assert.Same(outcome, outcome.WithinLatencyLimit(limit));
    }

    [Fact]
    public void A_down_outcome_keeps_its_own_reason()
    {
        var outcome = ProbeOutcome.Failed("HTTP 503 Service Unavailable, expected 2xx", 900);

        Assert.Same(outcome, outcome.WithinLatencyLimit(500));
    }
}
