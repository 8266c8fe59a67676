using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Evaluation;

/// <summary>Bad evaluation settings stop the real server at start with a message naming the key.</summary>
public sealed class EvaluationSettingsTests
{
    [Fact]
    public async Task A_burn_rate_rule_with_its_windows_the_wrong_way_round_stops_the_start()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Sla__BurnRateRules__0__Name"] = "upside-down",
            ["Sla__BurnRateRules__0__Threshold"] = "10",
            ["Sla__BurnRateRules__0__LongWindow"] = "00:05:00",
            ["Sla__BurnRateRules__0__ShortWindow"] = "01:00:00",
        });

        Assert.Equal(1, exitCode);
        Assert.Contains("Sla:BurnRateRules: Rule 'upside-down': the short window", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task An_auth_failure_spike_factor_below_one_stops_the_start()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Security__AuthFailures__SpikeFactor"] = "0.5" });

        Assert.Equal(1, exitCode);
        Assert.Contains("Security:AuthFailures:SpikeFactor must be at least 1.", output);
        Assert.DoesNotContain("   at ", output);
    }
}
