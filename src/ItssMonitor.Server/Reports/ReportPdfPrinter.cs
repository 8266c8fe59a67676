using ItssMonitor.Core.Reports;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace ItssMonitor.Server.Reports;

/// <summary>
/// Prints <see cref="SlaReportHtml"/> to an A4 PDF with page numbers through headless Chromium (Playwright over the
/// DevTools protocol): the same HTML engine the pages use, with real text (searchable, extractable) and vector charts.
/// A browser is started per PDF: reports are rare, and nothing stays resident between them.
/// </summary>
public sealed class ReportPdfPrinter(IOptions<ReportOptions> options)
{
    public const string ContentType = "application/pdf";

    private const string Footer = """
        <div style="font-size:8px;width:100%;text-align:center;color:#555;">ItssMonitor SLA report · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>
        """;

    /// <exception cref="ReportPdfUnavailableException">Chromium is not at <c>Reports:ChromiumPath</c>.</exception>
    public async Task<byte[]> PrintAsync(SlaReport report, CancellationToken cancellationToken)
    {
        var chromium = options.Value.ChromiumPath;
        if (!File.Exists(chromium))
        {
            throw new ReportPdfUnavailableException(
                $"PDF reports need Chromium at {ReportOptions.Section}:ChromiumPath ('{chromium}'), and there is no file there: install it (apt-get install -y chromium) or set the path.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        var page = await browser.NewPageAsync();
        await page.SetContentAsync(SlaReportHtml.Write(report));
        return await page.PdfAsync(new PagePdfOptions
        {
            Format = "A4",
            Landscape = true,
            PrintBackground = true,
            DisplayHeaderFooter = true,
            HeaderTemplate = "<span></span>",
            FooterTemplate = Footer,
            Margin = new Margin { Top = "12mm", Bottom = "14mm", Left = "10mm", Right = "10mm" },
        });
    }
}
