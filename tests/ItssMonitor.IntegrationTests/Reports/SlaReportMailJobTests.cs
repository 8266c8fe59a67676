using ItssMonitor.IntegrationTests.Evaluation;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Jobs;
using ItssMonitor.Server.Notifications;
using ItssMonitor.Server.Notifications.Email;
using ItssMonitor.Server.Reports;
using ItssMonitor.Storage.Relational.Alerts;
using ItssMonitor.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace ItssMonitor.IntegrationTests.Reports;

/// <summary>The <c>sla-report-mail</c> job on 1 July: June's report through a real SMTP server, the PDF attached.</summary>
[Collection(InfluxCollection.Name)]
public sealed class SlaReportMailJobTests(InfluxDbServer influx, SmtpServer smtp) : IClassFixture<SmtpServer>
{
    [Fact]
    public async Task Last_month_s_report_is_mailed_with_the_pdf_attached_and_the_summary_in_the_body()
    {
        var month = new ScriptedMonth(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        await using var stores = await EvaluationStores.CreateAsync(EvaluationStores.Sqlite, influx);
        await stores.WriteAsync(month.Samples());
        await month.SeedIncidentsAsync(stores.Relational);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 6, 0, 0, TimeSpan.Zero));
        var monitoring = new FixedMonitoring(month.Configuration());
        var options = Options.Create(new ReportOptions { Recipients = { "cio@example.com", "Auditor <audit@example.com>" } });
        var job = new SlaReportMailJob(
            new SlaReportService(stores.Samples, monitoring, monitoring.Schedule(stores.Relational, time), new AlertQueries(new AlertStore(stores.Relational)), time, Options.Create(new RetentionOptions())),
            new ReportPdfPrinter(options),
            new SmtpMailer(
                Options.Create(new SmtpOptions { Host = smtp.Host, Port = smtp.Port, From = "ItssMonitor <noc@example.com>", Security = SmtpSecurity.None }),
                Options.Create(new NotificationOptions())),
            time,
            options,
            NullLogger<SlaReportMailJob>.Instance);

        await job.RunAsync(CancellationToken.None);

        var stored = Assert.Single(await smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(60)));
        using var source = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(stored));
        var message = await MimeMessage.LoadAsync(source);
        Assert.Equal("SLA report 2026-06: 2 met, 0 breached", message.Subject);
        Assert.Equal(["cio@example.com", "audit@example.com"], message.To.Mailboxes.Select(mailbox => mailbox.Address));
        Assert.Contains($"Overall availability: {ScriptedMonth.OverallPercent} %", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Incidents opened: 2", message.TextBody, StringComparison.Ordinal);
        var attachment = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
        Assert.Equal("sla-report-2026-06.pdf", attachment.FileName);
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var text = await PdfText.ExtractAsync(pdf.ToArray(), screenshot: "sla-report-mail");
        Assert.Contains("SLA report 2026-06-01 00:00:00 UTC to 2026-07-01 00:00:00 UTC", text, StringComparison.Ordinal);
        Assert.Contains($"{ScriptedMonth.AvailabilityPercent} %", text, StringComparison.Ordinal);
        Assert.Contains("18 min 0 s", text, StringComparison.Ordinal);
    }
}
