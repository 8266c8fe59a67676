namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>The test's stand-in for Grafana's interpolation writes what Grafana's InfluxDB datasource writes.</summary>
public sealed class GrafanaInterpolationTests
{
    private static readonly GrafanaRange Range = new(DateTimeOffset.FromUnixTimeMilliseconds(1_000), DateTimeOffset.FromUnixTimeMilliseconds(90_000), TimeSpan.FromMinutes(5));
    private static readonly TemplateVariable Service = new("service", "query", "SHOW TAG VALUES", null, true, true, "itssmonitor-influx", null);

    [Fact]
    public void Macros_become_an_absolute_range_in_epoch_milliseconds_and_the_interval()
    {
        var query = GrafanaInterpolation.Interpolate("WHERE $timeFilter GROUP BY time($__interval), time($interval) * $__interval_ms", Range, new Dictionary<string, string>());

        Assert.Equal("WHERE time >= 1000ms and time <= 90000ms GROUP BY time(5m), time(5m) * 300000", query);
    }

    [Fact]
    public void Several_values_become_a_regex_alternation_of_escaped_values()
    {
        Assert.Equal(@"(Shop\.example\/eu|Web Shop|a\(b\)\*)", GrafanaInterpolation.Format(Service, ["Shop.example/eu", "Web Shop", "a(b)*"], all: true));
        Assert.Equal(@"Shop\.example\/eu", GrafanaInterpolation.Format(Service, ["Shop.example/eu"], all: false));
        Assert.Equal(".*", GrafanaInterpolation.Format(Service with { AllValue = ".*" }, ["fra", "ams"], all: true));
        Assert.Equal("99.9", GrafanaInterpolation.Format(Service with { Multi = false, IncludeAll = false }, ["99.9"], all: false));
    }

    [Fact]
    public void Variables_are_replaced_in_every_form_and_an_unknown_one_is_an_error_naming_it()
    {
        var variables = new Dictionary<string, string> { ["service"] = "(A|B)" };

        Assert.Equal("/^(A|B)$/ (A|B) (A|B)", GrafanaInterpolation.Interpolate("/^$service$/ ${service} [[service]]", Range, variables));
        var error = Assert.Throws<InvalidOperationException>(() => GrafanaInterpolation.Interpolate("/^$servce$/", Range, variables));
        Assert.Contains("$servce", error.Message);
    }
}
