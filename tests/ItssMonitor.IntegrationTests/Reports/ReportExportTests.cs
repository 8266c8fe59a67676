using System.Globalization;
using System.Net;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.IntegrationTests.Reports;

/// <summary>
/// <c>GET /api/v1/reports/sla</c> of a real server process over the scripted month (ending yesterday, inside raw
/// retention): JSON, CSV and PDF carry the same hand-computed figures; bad parameters are 400 problems naming them.
/// </summary>
public sealed class ReportExportTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("itss-reports-");
    private readonly ScriptedMonth _month = new(DateTimeOffset.UtcNow.UtcDateTime.Date.AddDays(-31));
    private ServerProcess _server = null!;
    private HttpClient _http = null!;

    private string Range => $"from={_month.From:yyyy-MM-dd}&to={_month.To:yyyy-MM-dd}";

    public async Task InitializeAsync()
    {
        var relational = Path.Combine(_directory.FullName, "relational.db");
        var samples = Path.Combine(_directory.FullName, "samples.db");
        var monitoring = Path.Combine(_directory.FullName, "monitoring.yaml");
        await File.WriteAllTextAsync(monitoring, _month.Yaml);
        var store = new SqliteSampleStore(new SqliteOptions { Path = samples });
        await store.InitializeAsync(CancellationToken.None);
        foreach (var batch in _month.Samples().Chunk(5_000))
        {
            await store.WriteAsync(batch, CancellationToken.None);
        }

        // Rolled up before the server starts, so the trend charts have their bars without waiting for the rollup job.
        var hours = new Core.Samples.TimeWindow(_month.From.AddHours(-1), _month.To);
        await store.WriteRollupsAsync(await store.ComputeHourlyRollupsAsync(hours, CancellationToken.None), CancellationToken.None);

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Relational:Path"] = relational }).Build();
        await using (var provider = new ServiceCollection().AddRelationalStore(configuration).BuildServiceProvider())
        {
            var contexts = provider.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
            await using (var context = await contexts.CreateDbContextAsync())
            {
                await RelationalSchema.CreateAsync(context, CancellationToken.None);
            }

            await _month.SeedIncidentsAsync(contexts);
        }

        SqliteConnection.ClearAllPools();
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Relational__Path"] = relational,
            ["Storage__Sqlite__Path"] = samples,
            ["Monitoring__File"] = monitoring,
        });
        _http = await _server.CreateClientAsync(TimeSpan.FromMinutes(2));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Json_csv_and_pdf_carry_the_same_hand_computed_figures()
    {
        using var json = JsonDocument.Parse(await _http.GetStringAsync($"api/v1/reports/sla?{Range}"));
        var csv = await _http.GetStringAsync($"api/v1/reports/sla?{Range}&format=csv");
        var pdf = await _http.GetByteArrayAsync($"api/v1/reports/sla?{Range}&services=Ledger&format=pdf");

        var ledger = json.RootElement.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("service").GetString() == "Ledger");
        Assert.Equal(ScriptedMonth.DowntimeSeconds, ledger.GetProperty("downtimeSeconds").GetDouble());
        Assert.Equal(ScriptedMonth.MaintenanceSeconds, ledger.GetProperty("maintenanceSeconds").GetDouble());
        Assert.Equal(ScriptedMonth.MissingDataSeconds, ledger.GetProperty("missingDataSeconds").GetDouble());
        Assert.Equal(ScriptedMonth.AvailabilityPercent, Math.Round(ledger.GetProperty("availabilityPercent").GetDouble(), 4).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(ScriptedMonth.MttrSeconds, ledger.GetProperty("incidents").GetProperty("mttrSeconds").GetDouble());
        Assert.Equal("met", ledger.GetProperty("outcome").GetString());
        Assert.Contains("Time-based accounting", json.RootElement.GetProperty("method")[0].GetString(), StringComparison.Ordinal);

        // CSV: header first, one row per service, then the method below an empty row.
        var lines = csv.Split("\r\n");
        var header = lines[0].Split(',');
        var row = lines.Single(line => line.StartsWith("Ledger,", StringComparison.Ordinal)).Split(',');
        string Cell(string column) => row[Array.IndexOf(header, column)];
        Assert.Equal(3, Array.IndexOf(lines, ""));
        Assert.StartsWith("\"# Time-based accounting", lines[5], StringComparison.Ordinal);
        Assert.Equal(ledger.GetProperty("downtimeSeconds").GetDouble(), double.Parse(Cell("downtime_seconds"), CultureInfo.InvariantCulture));
        Assert.Equal("18 min 0 s", Cell("downtime"));
        Assert.Equal(($"{_month.From:yyyy-MM-dd} 00:00:00", $"{_month.To:yyyy-MM-dd} 00:00:00"), (Cell("from_utc"), Cell("to_utc")));
        Assert.Equal(ledger.GetProperty("missingDataSeconds").GetDouble(), double.Parse(Cell("missing_data_seconds"), CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(ledger.GetProperty("availabilityPercent").GetDouble(), 4), double.Parse(Cell("availability_percent"), CultureInfo.InvariantCulture));
        Assert.Equal(Math.Round(ledger.GetProperty("errorBudgetRemainingPercent").GetDouble(), 4), double.Parse(Cell("error_budget_left_percent"), CultureInfo.InvariantCulture));
        Assert.Equal(ScriptedMonth.BudgetLeftPercent, Cell("error_budget_left_percent"));
        Assert.Equal(("2", "120", "420", "250", "Met"), (Cell("incidents"), Cell("mtta_seconds"), Cell("mttr_seconds"), Cell("latency_p95_ms"), Cell("outcome")));

        var text = await PdfText.ExtractAsync(pdf, screenshot: "sla-report");
        foreach (var expected in new[]
        {
            $"SLA report {_month.From:yyyy-MM-dd} 00:00:00 UTC to {_month.To:yyyy-MM-dd} 00:00:00 UTC", "Executive summary", "Generated",
            $"{ScriptedMonth.AvailabilityPercent} %", "18 min 0 s", "60 min 0 s", "61 min 0 s", $"{ScriptedMonth.BudgetLeftPercent} %", "250 ms / 300 ms",
            "DB upgrade", "1080 s", "Accounting method", "failuresBeforeDown", "page 1 of",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("month=2026-13", "month", "yyyy-MM")]
    [InlineData("from=2026-10-01", "to", "'to' is missing")]
    [InlineData("from=yesterday&to=2026-10-02", "from", "ISO 8601")]
    [InlineData("month=2026-10&from=2026-10-01", "month", "not both")]
    [InlineData("month=2026-10&format=xlsx", "format", "json, csv or pdf")]
    [InlineData("month=2026-10&services=Ledger,No%20Such", "services", "'No Such'")]
    [InlineData("month=2999-01", "from", "not in the past")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it_and_the_expected_form(string query, string parameter, string detail)
    {
        using var response = await _http.GetAsync($"api/v1/reports/sla?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.Contains(detail, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
