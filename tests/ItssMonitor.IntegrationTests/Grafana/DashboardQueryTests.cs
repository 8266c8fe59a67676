using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage.Influx;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using static ItssMonitor.IntegrationTests.Fixtures.TestData;

namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>
/// Every query of every shipped dashboard, interpolated as Grafana interpolates it, runs against the real InfluxDB
/// holding samples and rollups written by the real sample store, and must return series.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class DashboardQueryTests(InfluxDbServer influx) : IAsyncLifetime
{
    // The sample data's two days and an hour either side, as an absolute range picked in Grafana's time picker.
    private static readonly GrafanaRange Range = new(T0.AddHours(-1), T0 + DashboardSampleData.Length + TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    private readonly string _database = UniqueName("grafana");
    private readonly HttpClient _http = new();
    private InfluxQueryRunner _influx = null!;

    public async Task InitializeAsync()
    {
        await influx.CreateDatabaseAsync(_database);
        var store = new InfluxSampleStore(
            _http,
            new InfluxOptions { Url = influx.Url.ToString(), Database = _database, Token = influx.Token, Org = influx.Org },
            NullLogger<InfluxSampleStore>.Instance);
        await DashboardSampleData.WriteAsync(store);
        _influx = new InfluxQueryRunner(influx, _database);
    }

    public static TheoryData<string> Dashboards() => new(GrafanaDashboard.LoadAll().Select(dashboard => dashboard.FileName));

    [Theory]
    [MemberData(nameof(Dashboards))]
    public async Task Every_query_of_the_dashboard_returns_series_with_all_services_and_with_one(string fileName)
    {
        var dashboard = GrafanaDashboard.LoadAll().Single(candidate => candidate.FileName == fileName);
        var queries = dashboard.Queries.ToList();
        Assert.NotEmpty(queries);

        var problems = new List<string>();
        foreach (var oneService in new[] { false, true })
        {
            var variables = await VariableSelection.SelectAsync(dashboard, _influx, Range, oneService);
            foreach (var query in queries)
            {
                var text = GrafanaInterpolation.Interpolate(query.Text, Range, variables);
                if ((await _influx.RunAsync(text)).Problem is { } problem)
                {
                    problems.Add($"{query} with service = {variables["service"]}: {problem}\n  {text}");
                }
            }
        }

        Assert.True(problems.Count == 0, $"{dashboard}:\n" + string.Join('\n', problems));
    }

    [Fact]
    public async Task The_check_reports_a_misspelt_measurement_or_field_and_a_query_InfluxDB_cannot_parse()
    {
        var all = new Dictionary<string, string> { ["service"] = "(Shop\\.example\\/eu|Web Shop)" };
        var good = GrafanaInterpolation.Interpolate("SELECT mean(\"up\") FROM \"check_result\" WHERE $timeFilter AND \"service\" =~ /^$service$/ GROUP BY time($__interval)", Range, all);
        Assert.Null((await _influx.RunAsync(good)).Problem);

        var misspeltMeasurement = (await _influx.RunAsync(good.Replace("check_result", "check_results", StringComparison.Ordinal))).Problem;
        var misspeltField = (await _influx.RunAsync(good.Replace("\"up\"", "\"upp\"", StringComparison.Ordinal))).Problem;
        var misspeltOneOfTwoFields = (await _influx.RunAsync(good.Replace("mean(\"up\")", "mean(\"up\"), max(\"latency\") AS \"latency\"", StringComparison.Ordinal))).Problem;
        var unparsable = (await _influx.RunAsync(good.Replace("GROUP BY", "GROUP", StringComparison.Ordinal))).Problem;

        Assert.Equal("it returned no series", misspeltMeasurement);
        Assert.Equal("it returned no series", misspeltField);
        Assert.Equal("its column(s) latency hold no value in any series", misspeltOneOfTwoFields);
        Assert.StartsWith("InfluxDB refused it: error parsing query", unparsable);
    }

    public Task DisposeAsync()
    {
        _influx?.Dispose();
        _http.Dispose();
        return Task.CompletedTask;
    }
}
