using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.IntegrationTests.Reports;
using ItssMonitor.Server.Reports;
using ItssMonitor.TestServers;
using Microsoft.Playwright;

namespace ItssMonitor.IntegrationTests.Web;

/// <summary><c>/reports</c> in the real browser against the real server over a scripted month: its figures, its month picker, its downloads, bad input.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportsPageTests(BrowserServer browser, ReportsEstate estate) : BrowserTest(browser), IClassFixture<ReportsEstate>
{
    [Fact]
    public async Task Shows_the_figures_of_the_json_export_for_the_same_month_which_are_the_hand_computed_ones()
    {
        var page = await Browser.NewPageAsync(1920, 1080);

        await OpenReportAsync(page, $"?month={estate.MonthKey}");

        using var json = await ExportAsync($"month={estate.MonthKey}");
        var ledger = Line(json, "Ledger");
        var row = page.Locator("tr.report-row[data-service=Ledger]");
        Assert.Equal(ReportFormat.Percent(ledger.GetProperty("availabilityPercent").GetDouble()) + " %", await Cell(row, "availability"));
        Assert.Equal(ScriptedMonth.AvailabilityPercent + " %", await Cell(row, "availability"));
        Assert.Equal(ReportFormat.MinutesAndSeconds(ledger.GetProperty("downtimeSeconds").GetDouble()), await Cell(row, "downtime", ".stretch-total"));
        Assert.Equal(("18 min 0 s", "3 outages"), (await Cell(row, "downtime", ".stretch-total"), await Cell(row, "downtime", ".stretch-count")));
        Assert.Equal(("60 min 0 s", "1 window"), (await Cell(row, "maintenance", ".stretch-total"), await Cell(row, "maintenance", ".stretch-count")));
        Assert.Equal(("61 min 0 s", "1 gap"), (await Cell(row, "missing", ".stretch-total"), await Cell(row, "missing", ".stretch-count")));
        Assert.Equal("250 ms / 300 ms", await Cell(row, "latency"));
        Assert.Equal(("2", "2 min 0 s", "7 min 0 s"), (await Cell(row, "incidents"), await Cell(row, "mtta"), await Cell(row, "mttr")));
        Assert.Equal(ScriptedMonth.BudgetLeftPercent + " %", await Cell(row, "budget"));
        Assert.Equal(ledger.GetProperty("outcome").GetString(), await row.Locator(".outcome-badge").GetAttributeAsync("data-outcome"));

        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal(ReportFormat.Percent(summary.GetProperty("overallAvailabilityPercent").GetDouble()) + " %", await page.Locator("[data-testid=summary-availability] .tile-count").InnerTextAsync());
        Assert.Equal(ScriptedMonth.OverallPercent + " %", await page.Locator("[data-testid=summary-availability] .tile-count").InnerTextAsync());
        Assert.Equal($"{summary.GetProperty("met").GetInt32()} of {summary.GetProperty("services").GetInt32()}", await page.Locator("[data-testid=summary-met] .tile-count").InnerTextAsync());
        Assert.Equal("Ledger", await page.Locator("[data-testid=summary-worst] .tile-list").InnerTextAsync());

        // Maintenance is listed separately: the total opens to the window it is made of.
        await row.Locator("[data-field=maintenance] summary").ClickAsync();
        Assert.Contains("DB upgrade", await row.Locator("[data-field=maintenance] li").InnerTextAsync());

        var method = await page.Locator("[data-testid=report-method] li").AllInnerTextsAsync();
        Assert.Equal(json.RootElement.GetProperty("method").EnumerateArray().Select(line => line.GetString()!), method);
        // Two trends at least (overall and per service), each service's with its target line.
        await page.Locator("[data-testid=trend][data-service=Ledger] .rz-line-series").First.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        Assert.Equal(3, await page.Locator("[data-testid=trend]").CountAsync());

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LivePage.Screenshot("reports-1920"), FullPage = true });
        var small = await Browser.NewPageAsync(1280, 800);
        await OpenReportAsync(small, $"?month={estate.MonthKey}");
        await small.ScreenshotAsync(new PageScreenshotOptions { Path = LivePage.Screenshot("reports-1280"), FullPage = true });
    }

    [Fact]
    public async Task The_month_picker_changes_the_address_and_the_figures()
    {
        var page = await Browser.NewPageAsync();
        await OpenReportAsync(page, $"?month={estate.MonthKey}");
        var row = page.Locator("tr.report-row[data-service=Ledger]");
        Assert.Equal("18 min 0 s", await Cell(row, "downtime", ".stretch-total"));

        await page.Locator("[data-testid=next-month]").ClickAsync();
        var next = estate.Month.From.AddMonths(1).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await page.WaitForFunctionAsync($"() => location.search === '?month={next}'");
        await page.WaitForFunctionAsync("() => document.querySelector('tr.report-row[data-service=Ledger] [data-field=downtime] .stretch-total')?.innerText.trim() === '0 min 0 s'");
        using var json = await ExportAsync($"month={next}");
        Assert.Equal(ReportFormat.MinutesAndSeconds(Line(json, "Ledger").GetProperty("missingDataSeconds").GetDouble()), await Cell(row, "missing", ".stretch-total"));

        await page.Locator("#report-month").FillAsync(estate.MonthKey);
        await page.WaitForFunctionAsync($"() => location.search === '?month={estate.MonthKey}'");
        await page.WaitForFunctionAsync("() => document.querySelector('tr.report-row[data-service=Ledger] [data-field=downtime] .stretch-total')?.innerText.trim() === '18 min 0 s'");
    }

    [Fact]
    public async Task The_downloads_carry_the_page_s_parameters_and_a_default_page_pins_its_month()
    {
        var page = await Browser.NewPageAsync();
        await OpenReportAsync(page, $"?month={estate.MonthKey}&services=Ledger");

        Assert.Equal(1, await page.Locator("tr.report-row").CountAsync());
        foreach (var format in new[] { "csv", "json", "pdf" })
        {
            Assert.Equal($"api/v1/reports/sla?month={estate.MonthKey}&services=Ledger&format={format}", await Download(page, format));
        }

        var csv = await estate.Http.GetStringAsync(await Download(page, "csv"));
        Assert.Contains("Ledger", csv);
        Assert.DoesNotContain("Archive", csv);

        await OpenReportAsync(page, "");
        var lastMonth = ReportQuery.LastMonth(DateTimeOffset.UtcNow).From.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"api/v1/reports/sla?month={lastMonth}&format=pdf", await Download(page, "pdf"));
        Assert.Equal(lastMonth, await page.Locator("#report-month").InputValueAsync());
    }

    [Fact]
    public async Task Picking_services_narrows_the_report_and_goes_into_the_address()
    {
        var page = await Browser.NewPageAsync();
        await OpenReportAsync(page, $"?month={estate.MonthKey}");
        Assert.Equal(2, await page.Locator("tr.report-row").CountAsync());

        await page.Locator(".service-picker").ClickAsync();
        await page.Locator(".rz-popup li[aria-label=Archive]").ClickAsync();

        await page.WaitForFunctionAsync($"() => location.search === '?month={estate.MonthKey}&services=Archive'");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('tr.report-row').length === 1 && document.querySelector('tr.report-row').dataset.service === 'Archive'");
        Assert.Equal("1 of 1", await page.Locator("[data-testid=summary-met] .tile-count").InnerTextAsync());
        Assert.Equal($"api/v1/reports/sla?month={estate.MonthKey}&services=Archive&format=json", await Download(page, "json"));
    }

    [Fact]
    public async Task A_custom_range_goes_into_the_address()
    {
        var page = await Browser.NewPageAsync();
        await OpenReportAsync(page, $"?month={estate.MonthKey}");
        var from = estate.Month.From.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var to = estate.Month.From.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        await page.Locator("input[name=from]").FillAsync(from);
        await page.Locator("input[name=to]").FillAsync(to);
        await page.Locator("[data-testid=apply-range]").ClickAsync();

        await page.WaitForFunctionAsync($"() => location.search === '?from={from}&to={to}'");
        // Day 1 holds outage A (600 s) alone.
        await page.WaitForFunctionAsync("() => document.querySelector('tr.report-row[data-service=Ledger] [data-field=downtime] .stretch-total')?.innerText.trim() === '10 min 0 s'");
        Assert.Equal($"api/v1/reports/sla?from={from}&to={to}&format=csv", await Download(page, "csv"));
    }

    [Theory]
    [InlineData("?from=2026-06-10&to=2026-06-01", "must be after 'from'")]
    [InlineData("?month=2026-13", "expected a month as yyyy-MM")]
    [InlineData("?services=Ledger,Nope", "Not monitored: 'Nope'")]
    [InlineData("?month=2999-01", "not in the past yet")]
    public async Task Bad_input_is_said_on_the_page(string query, string expected)
    {
        var page = await Browser.NewPageAsync();

        await LivePage.OpenAsync(page, estate.PageOf(query));

        var error = page.Locator("[data-testid=report-error]");
        await error.WaitForAsync();
        Assert.Contains(expected, await error.InnerTextAsync());
        Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("[data-testid=downloads] a").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = LivePage.Screenshot("reports-error") });
    }

    private async Task OpenReportAsync(IPage page, string query)
    {
        await LivePage.OpenAsync(page, estate.PageOf(query));
        await page.Locator("[data-testid=report-summary]").WaitForAsync(new() { Timeout = 60_000 });
    }

    private async Task<JsonDocument> ExportAsync(string query) =>
        JsonDocument.Parse(await estate.Http.GetStringAsync($"api/v1/reports/sla?{query}&format=json"));

    private static JsonElement Line(JsonDocument report, string service) =>
        report.RootElement.GetProperty("services").EnumerateArray().Single(line => line.GetProperty("service").GetString() == service);

    private static async Task<string> Cell(ILocator row, string field, string inside = "") => (await row.Locator($"[data-field={field}] {inside}").InnerTextAsync()).Trim();

    private static async Task<string> Download(IPage page, string format) =>
        (await page.Locator($"[data-testid=downloads] a[data-format={format}]").GetAttributeAsync("href"))!;
}
