using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Alerting;

/// <summary>The <c>Alerting</c> section is checked when the server starts: a bad value stops it with a message naming the key.</summary>
public sealed class AlertingSettingsTests
{
    [Theory]
    [InlineData("Alerting__RefireAfter", "00:00:00", "Alerting:RefireAfter must be longer than zero")]
    [InlineData("Alerting__FlapThreshold", "-2", "Alerting:FlapThreshold must be 0 or more (got -2)")]
    [InlineData("Jobs__AlertReviewSchedule", "every minute", "Jobs:AlertReviewSchedule 'every minute' is not a cron expression")]
    public async Task A_bad_alerting_setting_stops_the_start_with_a_message_naming_it(string key, string value, string expected)
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string> { [key] = value });

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, output);
        Assert.DoesNotContain("   at ", output);
    }
}
