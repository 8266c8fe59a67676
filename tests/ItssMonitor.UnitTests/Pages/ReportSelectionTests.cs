using ItssMonitor.Core.Samples;
using ItssMonitor.Server.Pages.Reports;

namespace ItssMonitor.UnitTests.Pages;

public sealed class ReportSelectionTests
{
    private static readonly TimeWindow October = new(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_page_address_carries_month_and_services_with_each_name_escaped_and_the_commas_kept()
    {
        var selection = new ReportSelection("2026-10", null, null, ["Payments API", "A,B", "Café"]);

        Assert.Equal("reports?month=2026-10&services=Payments%20API,A%2CB,Caf%C3%A9", selection.PageAddress);
    }

    [Fact]
    public void The_export_has_the_page_s_parameters_and_its_format()
    {
        var selection = new ReportSelection(null, "2026-10-02", "2026-10-09T12:00", ["Ledger"]);

        Assert.Equal("api/v1/reports/sla?from=2026-10-02&to=2026-10-09T12%3A00&services=Ledger&format=pdf", selection.ExportAddress(October, "pdf"));
    }

    [Fact]
    public void A_default_selection_is_pinned_to_the_month_shown_in_the_export_but_not_in_the_page_address()
    {
        var selection = new ReportSelection(null, null, null, []);

        Assert.Equal("reports", selection.PageAddress);
        Assert.Equal("api/v1/reports/sla?month=2026-10&format=csv", selection.ExportAddress(October, "csv"));
    }

    [Fact]
    public void Choosing_a_month_drops_the_range_and_choosing_a_range_drops_the_month_keeping_the_services()
    {
        var selection = new ReportSelection("2026-10", null, null, ["Ledger"]);

        var range = selection.ForRange("2026-09-01", " 2026-09-15 ");
        Assert.Equal("reports?from=2026-09-01&to=2026-09-15&services=Ledger", range.PageAddress);
        Assert.Equal("reports?month=2026-08&services=Ledger", range.ForMonth("2026-08").PageAddress);
        Assert.Equal("reports?month=2026-10", selection.ForServices([]).PageAddress);
        // An empty date box is no parameter: the page then says 'from' is missing.
        Assert.Equal("reports?to=2026-09-15&services=Ledger", selection.ForRange("", "2026-09-15").PageAddress);
    }
}
