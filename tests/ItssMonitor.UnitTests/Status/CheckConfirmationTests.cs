using ItssMonitor.Core.Status;

namespace ItssMonitor.UnitTests.Status;

public sealed class CheckConfirmationTests
{
    [Fact]
    public void Goes_down_only_after_the_configured_number_of_consecutive_failures()
    {
        var confirmation = new CheckConfirmation(failuresBeforeDown: 3);
        confirmation.Observe(up: true);

        Assert.False(confirmation.Observe(up: false));
        Assert.False(confirmation.Observe(up: false));
        Assert.Equal(CheckState.Up, confirmation.State);
        Assert.True(confirmation.Observe(up: false));
        Assert.Equal(CheckState.Down, confirmation.State);
    }

    [Fact]
    public void A_success_between_failures_starts_the_count_again()
    {
        var confirmation = new CheckConfirmation(failuresBeforeDown: 2);

        confirmation.Observe(up: false);
        confirmation.Observe(up: true);
        confirmation.Observe(up: false);

        Assert.Equal(CheckState.Up, confirmation.State);
    }

    [Fact]
    public void One_success_brings_a_down_check_back_up()
    {
        var confirmation = new CheckConfirmation(failuresBeforeDown: 2);
        confirmation.Observe(up: false);
        confirmation.Observe(up: false);

        Assert.True(confirmation.Observe(up: true));
        Assert.Equal(CheckState.Up, confirmation.State);
    }

    [Fact]
    public void Stays_unknown_until_the_first_success_or_confirmed_failure()
    {
        var confirmation = new CheckConfirmation(failuresBeforeDown: 2);

        Assert.False(confirmation.Observe(up: false));
        Assert.Equal(CheckState.Unknown, confirmation.State);
    }

    [Fact]
    public void With_a_threshold_of_one_the_first_failure_is_down()
    {
        var confirmation = new CheckConfirmation(failuresBeforeDown: 1);
        confirmation.Observe(up: true);

        Assert.True(confirmation.Observe(up: false));
        Assert.Equal(CheckState.Down, confirmation.State);
    }
}
