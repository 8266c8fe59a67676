using ItssMonitor.Core.Status;

namespace ItssMonitor.UnitTests.Status;

public sealed class AvailabilityWindowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Is_the_fraction_of_up_samples_in_the_last_24_hours()
    {
        var window = new AvailabilityWindow();
        window.Record(T0, up: true);
        window.Record(T0.AddHours(1), up: false);
        window.Record(T0.AddHours(2), up: true);
        window.Record(T0.AddHours(3), up: true);

        Assert.Equal(0.75, window.Value(T0.AddHours(4)));
        Assert.Equal(2.0 / 3, window.Value(T0.AddHours(24).AddMinutes(5)));
        Assert.Null(window.Value(T0.AddDays(3)));
    }

    [Fact]
    public void Samples_older_than_the_window_a_slot_now_holds_are_ignored()
    {
        var window = new AvailabilityWindow();
        window.Record(T0.AddDays(1), up: true);

        window.Record(T0, up: false);

        Assert.Equal(1.0, window.Value(T0.AddDays(1)));
    }
}
