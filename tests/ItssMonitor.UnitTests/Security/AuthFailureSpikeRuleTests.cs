using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Security;

namespace ItssMonitor.UnitTests.Security;

public sealed class AuthFailureSpikeRuleTests
{
    private static readonly AuthFailureSpikeRule Defaults = new(spikeFactor: 10, minimumCount: 20, absoluteThreshold: 200);

    [Fact]
    public void Ten_times_the_service_s_own_baseline_fires_with_the_evidence()
    {
        // 2,880 failures over 24 h are 10 per 5 min; 100 in the last 5 min are 10 times that.
        var signal = Defaults.Evaluate("Shop", current: 100, previousDay: 2_880);

        Assert.NotNull(signal);
        Assert.Equal(AlertFingerprint.For("auth-failures", "Shop"), signal.Fingerprint);
        Assert.Equal(AlertSeverity.Critical, signal.Severity);
        Assert.Equal("100 authentication failures in 5 min, 10× the usual 10", signal.Summary);
        Assert.Equal("100", signal.Evidence["failures 5m"]);
        Assert.Equal("10", signal.Evidence["baseline per 5m"]);
        Assert.Equal("10", signal.Evidence["spike factor"]);
        Assert.Equal("200", signal.Evidence["absolute threshold"]);
        Assert.Null(Defaults.Evaluate("Shop", current: 99, previousDay: 2_880));
    }

    [Fact]
    public void A_steady_rate_does_not_fire()
    {
        // 100 per 5 min all day, 110 now.
        Assert.Null(Defaults.Evaluate("Shop", current: 110, previousDay: 28_800));
    }

    [Fact]
    public void After_a_quiet_day_the_minimum_count_decides()
    {
        Assert.Equal("20 authentication failures in 5 min, none in the 24 h before", Defaults.Evaluate("Shop", 20, 0)?.Summary);
        Assert.Null(Defaults.Evaluate("Shop", 19, 0));
    }

    [Fact]
    public void The_absolute_threshold_fires_whatever_the_baseline()
    {
        // 1,000 per 5 min is this service's normal, but 200 is the ceiling.
        Assert.Equal("250 authentication failures in 5 min, above the threshold of 200", Defaults.Evaluate("Shop", 250, 288_000)?.Summary);
    }

    [Fact]
    public void Settings_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthFailureSpikeRule(0.5, 20, 200));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AuthFailureSpikeRule(10, 0, 200));
    }
}
