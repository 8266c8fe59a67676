using ItssMonitor.Core.Sla;

namespace ItssMonitor.UnitTests.Sla;

// Schedules are read in UTC, which has no daylight saving time: no hour is skipped or repeated, so there are no DST cases to test.
public sealed class CronScheduleTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("*/15 * * * *", "2026-11-22T10:07:00Z", "2026-11-22T10:15:00Z")]
    [InlineData("*/15 * * * *", "2026-11-22T10:45:00Z", "2026-11-22T11:00:00Z")]
    [InlineData("*/15 * * * *", "2026-11-22T10:44:59.9Z", "2026-11-22T10:45:00Z")]
    [InlineData("5/20 * * * *", "2026-11-22T10:25:00Z", "2026-11-22T10:45:00Z")]
    [InlineData("0-30/10 * * * *", "2026-11-22T10:30:00Z", "2026-11-22T11:00:00Z")]
    [InlineData("0 3 * * SUN", "2026-11-22T03:00:00Z", "2026-11-29T03:00:00Z")]
    [InlineData("0 3 * * 7", "2026-11-21T12:00:00Z", "2026-11-22T03:00:00Z")]
    [InlineData("0 9 * * MON-FRI", "2026-11-20T09:00:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 9 * * mon-fri", "2026-11-23T08:59:00Z", "2026-11-23T09:00:00Z")]
    [InlineData("0 0 1-5 * *", "2026-01-31T12:00:00Z", "2026-02-01T00:00:00Z")]
    [InlineData("0 0 1-5 * *", "2026-02-05T00:00:00Z", "2026-03-01T00:00:00Z")]
    [InlineData("0 0 31 * *", "2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z")]
    [InlineData("30 23 * * *", "2026-12-31T23:30:00Z", "2027-01-01T23:30:00Z")]
    [InlineData("0 0 1 JAN *", "2026-06-01T00:00:00Z", "2027-01-01T00:00:00Z")]
    [InlineData("0 0 29 2 *", "2026-03-01T00:00:00Z", "2028-02-29T00:00:00Z")]
    [InlineData("0 12 1,15 JUN-AUG *", "2026-06-15T12:00:00Z", "2026-07-01T12:00:00Z")]
    public void The_next_time_is_the_first_match_strictly_after(string expression, string after, string expected)
    {
        Assert.Equal(Utc(expected), CronSchedule.Parse(expression).NextAfter(Utc(after)));
    }

    [Fact]
    public void When_both_day_fields_are_restricted_either_one_matches()
    {
        // 2026-11-06 is a Friday, 2026-11-13 is Friday the 13th: Vixie cron fires on every Friday and every 13th.
        var schedule = CronSchedule.Parse("0 0 13 * FRI");

        Assert.Equal(Utc("2026-11-06T00:00:00Z"), schedule.NextAfter(Utc("2026-11-01T00:00:00Z")));
        Assert.Equal(Utc("2026-11-13T00:00:00Z"), schedule.NextAfter(Utc("2026-11-06T00:00:00Z")));
        Assert.True(schedule.Matches(Utc("2026-12-13T00:00:30Z")));
    }

    [Fact]
    public void A_date_that_never_comes_has_no_next_time()
    {
        Assert.Null(CronSchedule.Parse("0 0 30 2 *").NextAfter(Utc("2026-01-01T00:00:00Z")));
    }

    [Fact]
    public void Times_in_other_offsets_are_read_as_the_same_instant_in_utc()
    {
        Assert.True(CronSchedule.Parse("0 3 * * SUN").Matches(Utc("2026-11-22T04:00:00+01:00")));
    }

    [Theory]
    [InlineData("* * * *", "has 4 fields")]
    [InlineData("60 * * * *", "minute field '60': 60 is outside 0-59")]
    [InlineData("5-1 * * * *", "minute field '5-1': range 5-1 runs backwards")]
    [InlineData("*/0 * * * *", "step in '*/0'")]
    [InlineData("0 0 * * FUNDAY", "day-of-week field 'FUNDAY': 'FUNDAY' is not a number or a name such as SUN")]
    [InlineData("0 0 0 * *", "day-of-month field '0': 0 is outside 1-31")]
    [InlineData("0 0 * 1,,2 *", "month field '1,,2'")]
    public void A_bad_expression_says_which_field_and_why(string expression, string expected)
    {
        var error = Assert.Throws<FormatException>(() => CronSchedule.Parse(expression));

        Assert.Contains(expected, error.Message);
    }
}
