using System.Net;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;

namespace ItssMonitor.IntegrationTests.Reports;

/// <summary>The <c>Reports</c> settings of a real server process: no Chromium where configured, a bad recipient.</summary>
public sealed class ReportSettingsTests
{
    [Fact]
    public async Task A_pdf_without_chromium_at_the_configured_path_is_a_503_problem_naming_the_setting_while_csv_still_works()
    {
        await using var server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Reports__ChromiumPath"] = "/nonexistent/chromium" });
        using var http = await server.CreateClientAsync();

        using var pdf = await http.GetAsync("api/v1/reports/sla?format=pdf");
        using var csv = await http.GetAsync("api/v1/reports/sla?format=csv");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await pdf.Content.ReadAsStringAsync());
        Assert.Contains("Reports:ChromiumPath ('/nonexistent/chromium')", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.StartsWith("service,team,from_utc,to_utc,", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipient_that_is_not_an_address_stops_start_up_naming_it()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string>
        {
            ["Reports__Recipients__0"] = "cio@example.com",
            ["Reports__Recipients__1"] = "not an address",
        });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Reports:Recipients:1 is 'not an address'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Recipients_without_an_smtp_host_stop_start_up_naming_both()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(new Dictionary<string, string> { ["Reports__Recipients__0"] = "cio@example.com" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Reports:Recipients is set, but Notifications:Smtp:Host is not", output, StringComparison.Ordinal);
    }
}
