using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Sla;

public sealed class ErrorBudgetTests
{
    private static readonly ErrorBudget ThreeNines = new(0.999, TimeSpan.FromDays(30));

    [Fact]
    public void Three_nines_over_thirty_days_allow_43_point_2_minutes()
    {
        Assert.Equal(0.001, ThreeNines.Fraction, 12);
        Assert.Equal(43.2, ThreeNines.Allowed.TotalMinutes, 6);
    }

    [Fact]
    public void Ten_minutes_down_in_the_last_hour_burn_at_166_point_7_times()
    {
        // 50 of 60 minutes up: (1 − 50/60) / 0.001 = 166.67.
        Assert.Equal(166.667, ThreeNines.BurnRate(50.0 / 60), 3);
    }

    [Fact]
    public void A_steady_99_95_percent_burns_at_half_speed_and_spends_half_the_budget()
    {
        Assert.Equal(0.5, ThreeNines.BurnRate(0.9995), 9);
        Assert.Equal(0.5, ThreeNines.Consumed(0.9995), 9);
        Assert.Equal(0.5, ThreeNines.Remaining(0.9995), 9);
        Assert.Equal(-1, ThreeNines.Remaining(0.998), 9);
    }

    [Fact]
    public void Half_a_budget_at_14_point_4_times_lasts_25_hours()
    {
        // 0.5 × 720 h / 14.4 = 25 h; at 1× it lasts the rest of the period: 0.5 × 720 h = 360 h.
        Assert.Equal(25, ThreeNines.ExhaustedIn(0.5, 14.4)!.Value.TotalHours, 6);
        Assert.Equal(360, ThreeNines.ExhaustedIn(0.5, 1)!.Value.TotalHours, 6);
    }

    [Fact]
    public void A_budget_that_is_not_burning_has_no_forecast_and_a_spent_one_is_gone_now()
    {
        Assert.Null(ThreeNines.ExhaustedIn(0.5, 0));
        Assert.Equal(TimeSpan.Zero, ThreeNines.ExhaustedIn(0, 3));
        Assert.Equal(TimeSpan.Zero, ThreeNines.ExhaustedIn(-0.2, 0));
    }

    [Fact]
    public void A_hundred_percent_target_has_no_budget_so_any_failure_burns_it_infinitely_fast()
    {
        var perfect = new ErrorBudget(1, TimeSpan.FromDays(30));

        Assert.Equal(TimeSpan.Zero, perfect.Allowed);
        Assert.Equal(0, perfect.BurnRate(1));
        Assert.True(double.IsPositiveInfinity(perfect.BurnRate(0.99999)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99.9)]
    [InlineData(-0.5)]
    public void A_target_is_a_fraction(double target)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ErrorBudget(target, TimeSpan.FromDays(30)));
    }
}
