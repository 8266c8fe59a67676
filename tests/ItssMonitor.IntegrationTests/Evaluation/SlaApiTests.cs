using System.Net;
using System.Text.Json;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Sla;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Server.Sla;
using ItssMonitor.Storage.Relational;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.IntegrationTests.Evaluation;

/// <summary><c>GET /api/v1/sla</c> of a real server process, reading evaluations stored in its relational database.</summary>
public sealed class SlaApiTests : IAsyncLifetime
{
    private static readonly DateTimeOffset EvaluatedAt = TestData.T0.AddDays(30);
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("itss-sla-api-");
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        var path = Path.Combine(_directory.FullName, "relational.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Relational:Path"] = path }).Build();
        await using (var provider = new ServiceCollection().AddRelationalStore(configuration).BuildServiceProvider())
        {
            var contexts = provider.GetRequiredService<IDbContextFactory<MonitorDbContext>>();
            await using (var context = await contexts.CreateDbContextAsync())
            {
                await RelationalSchema.CreateAsync(context, CancellationToken.None);
            }

            // Ledger: 60 of 360 samples down over the last hour (burn 166.7×), 60 of 259,200 over 30 days.
            var counts = new Dictionary<TimeSpan, WindowCounts>
            {
                [TimeSpan.FromMinutes(5)] = new(30, 0),
                [TimeSpan.FromMinutes(30)] = new(180, 120),
                [TimeSpan.FromHours(1)] = new(360, 300),
                [TimeSpan.FromHours(6)] = new(2_160, 2_100),
                [TimeSpan.FromDays(3)] = new(25_920, 25_860),
                [TimeSpan.FromDays(30)] = new(259_200, 259_140),
            };
            await new SlaStatusStore(contexts).SaveAsync(
                [SlaEvaluation.Evaluate("Ledger", new ServiceSla(99.9, 300), TimeSpan.FromDays(30), BurnRatePolicy.Default, counts, 420)],
                EvaluatedAt,
                CancellationToken.None);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__Relational__Path"] = path,
            // The job would replace the seeded evaluation with the demo estate's; once a year keeps it out of the test.
            ["Jobs__SlaEvaluationSchedule"] = "0 0 1 1 *",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _directory.Delete(recursive: true);
    }

    [Fact]
    public async Task Every_service_s_latest_evaluation_is_listed_and_one_can_be_read_by_name()
    {
        using var http = await _server.CreateClientAsync();

        using var list = JsonDocument.Parse(await http.GetStringAsync("api/v1/sla"));
        using var one = JsonDocument.Parse(await http.GetStringAsync("api/v1/sla/Ledger"));

        Assert.Equal(["Ledger"], list.RootElement.GetProperty("services").EnumerateArray().Select(service => service.GetProperty("service").GetString()));
        var ledger = one.RootElement;
        Assert.Equal(EvaluatedAt, ledger.GetProperty("evaluatedAt").GetDateTimeOffset());
        Assert.Equal(99.9, ledger.GetProperty("targetPercent").GetDouble());
        Assert.Equal("30d", ledger.GetProperty("period").GetString());
        var hour = ledger.GetProperty("windows").EnumerateArray().Single(window => window.GetProperty("window").GetString() == "1h");
        Assert.Equal(360, hour.GetProperty("samples").GetInt64());
        Assert.Equal(83.333, Math.Round(hour.GetProperty("availabilityPercent").GetDouble(), 3));
        Assert.Equal(166.667, Math.Round(hour.GetProperty("burnRate").GetDouble(), 3));
        // 60 down of 259,200 at 99.9 %: 23.148 % of the budget spent, 76.852 % left, gone in 720 h × 0.76852 / 166.67 = 3.32 h.
        Assert.Equal(23.148, Math.Round(ledger.GetProperty("budgetConsumedPercent").GetDouble(), 3));
        Assert.Equal(76.852, Math.Round(ledger.GetProperty("budgetRemainingPercent").GetDouble(), 3));
        Assert.Equal(3.32, Math.Round(ledger.GetProperty("exhaustedInHours").GetDouble(), 2));
        Assert.Equal(420, ledger.GetProperty("latencyP95Ms").GetDouble());
        Assert.Equal(300, ledger.GetProperty("latencyObjectiveMs").GetDouble());
        Assert.Equal(
            ["burn-rate/page-1h", "burn-rate/page-6h", "burn-rate/ticket-3d", "latency-p95"],
            ledger.GetProperty("firing").EnumerateArray().Select(rule => rule.GetString()));
    }

    [Fact]
    public async Task A_service_without_an_evaluation_is_a_404_problem_naming_it()
    {
        using var http = await _server.CreateClientAsync();

        using var response = await http.GetAsync("api/v1/sla/No%20Such%20Service");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("'No Such Service'", await response.Content.ReadAsStringAsync());
    }
}
