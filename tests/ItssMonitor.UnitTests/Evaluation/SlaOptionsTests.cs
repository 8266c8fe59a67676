using System.ComponentModel.DataAnnotations;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Sla;
using ItssMonitor.Server.Sla;
using Microsoft.Extensions.Configuration;

namespace ItssMonitor.UnitTests.Evaluation;

public sealed class SlaOptionsTests
{
    [Fact]
    public void Without_settings_the_period_is_30_days_and_the_rules_are_the_workbook_s()
    {
        var options = Bind([]);

        Assert.Equal(TimeSpan.FromDays(30), options.Period);
        Assert.Equal(BurnRatePolicy.Default.Rules, options.Policy().Rules);
        Assert.Equal(BurnRatePolicy.DefaultMinimumSamples, options.Policy().MinimumSamples);
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void Configured_rules_replace_the_defaults()
    {
        var options = Bind(new()
        {
            ["Sla:Period"] = "7.00:00:00",
            ["Sla:BurnRateRules:0:Name"] = "fast",
            ["Sla:BurnRateRules:0:Threshold"] = "10",
            ["Sla:BurnRateRules:0:LongWindow"] = "01:00:00",
            ["Sla:BurnRateRules:0:ShortWindow"] = "00:05:00",
            ["Sla:BurnRateRules:0:Severity"] = "Warning",
        });

        var rule = Assert.Single(options.Policy().Rules);
        Assert.Equal(new BurnRateRule("fast", 10, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), AlertSeverity.Warning), rule);
        Assert.Empty(Errors(options));
    }

    [Fact]
    public void A_rule_with_its_windows_the_wrong_way_round_stops_the_start_naming_the_key()
    {
        var options = Bind(new()
        {
            ["Sla:BurnRateRules:0:Name"] = "upside-down",
            ["Sla:BurnRateRules:0:Threshold"] = "10",
            ["Sla:BurnRateRules:0:LongWindow"] = "00:05:00",
            ["Sla:BurnRateRules:0:ShortWindow"] = "01:00:00",
        });

        var error = Assert.Single(Errors(options));
        Assert.StartsWith("Sla:BurnRateRules: Rule 'upside-down': the short window", error);
    }

    [Fact]
    public void A_window_longer_than_the_period_or_a_period_out_of_range_is_refused()
    {
        Assert.Equal(
            ["Sla:BurnRateRules: a window of 3.00:00:00 is longer than Sla:Period (2.00:00:00)."],
            Errors(Bind(new() { ["Sla:Period"] = "2.00:00:00" })));
        Assert.Contains(Errors(Bind(new() { ["Sla:Period"] = "01:00:00" })), error => error.StartsWith("Sla:Period must be between 1 day and 400 days", StringComparison.Ordinal));
        Assert.Equal(["Sla:BurnRateMinimumSamples must be at least 1 (got 0)."], Errors(Bind(new() { ["Sla:BurnRateMinimumSamples"] = "0" })));
    }

    private static SlaOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new SlaOptions();
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(SlaOptions.Section).Bind(options);
        return options;
    }

    private static List<string> Errors(SlaOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results.Select(result => result.ErrorMessage!).ToList();
    }
}
