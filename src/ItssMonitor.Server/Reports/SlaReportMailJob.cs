using System.Text;
using Hangfire;
using ItssMonitor.Server.Notifications.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ItssMonitor.Server.Reports;

/// <summary>
/// On the 1st of every month (<c>Jobs:SlaReportSchedule</c>): last month's SLA report for every service, the PDF
/// attached and the executive summary in the body, to <c>Reports:Recipients</c> through <c>Notifications:Smtp</c>.
/// </summary>
[DisableConcurrentExecution(timeoutInSeconds: 600)]
[AutomaticRetry(Attempts = 2)] // a month's report is worth a retry when the mail server hiccups; the schedule will not come back for a month
public sealed partial class SlaReportMailJob(
    SlaReportService reports,
    ReportPdfPrinter printer,
    SmtpMailer mailer,
    TimeProvider time,
    IOptions<ReportOptions> options,
    ILogger<SlaReportMailJob> logger)
{
    public const string Id = "sla-report-mail";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var recipients = options.Value.Recipients;
        if (recipients.Count == 0)
        {
            LogNoRecipients();
            return;
        }

        var range = ReportQuery.LastMonth(time.GetUtcNow());
        var report = await reports.BuildAsync(range, [], cancellationToken);
        var pdf = await printer.PrintAsync(report, cancellationToken);
        var month = $"{range.From:yyyy-MM}";
        var summary = report.Summary;
        var body = new StringBuilder()
            .AppendLine($"SLA report for {month} ({ReportFormat.Time(report.From)} to {ReportFormat.Time(report.To)}), attached as PDF.")
            .AppendLine()
            .AppendLine($"Services: {summary.Services}; met: {summary.Met}; breached: {summary.Breached}; without target or data: {summary.WithoutTargetOrData}")
            .AppendLine($"Overall availability: {ReportFormat.Percent(summary.OverallAvailabilityPercent)} %")
            .AppendLine($"Worst services: {(summary.WorstServices.Count == 0 ? "none below 100 %" : string.Join(", ", summary.WorstServices))}")
            .AppendLine($"Incidents opened: {summary.Incidents.Count}; MTTA {ReportFormat.MinutesAndSeconds(summary.Incidents.MttaSeconds)}; MTTR {ReportFormat.MinutesAndSeconds(summary.Incidents.MttrSeconds)}")
            .AppendLine()
            .AppendLine("The accounting method is printed at the end of the PDF.");
        var builder = new BodyBuilder { TextBody = body.ToString() };
        builder.Attachments.Add($"sla-report-{month}.pdf", pdf, new ContentType("application", "pdf"));
        var message = new MimeMessage { Subject = $"SLA report {month}: {summary.Met} met, {summary.Breached} breached", Body = builder.ToMessageBody() };
        message.To.AddRange(recipients.Select(MailboxAddress.Parse));
        await mailer.SendAsync(message, $"The {Id} job", cancellationToken);
        LogSent(month, recipients.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA report mail: {Month} sent to {Recipients} recipients")]
    private partial void LogSent(string month, int recipients);

    [LoggerMessage(Level = LogLevel.Information, Message = "SLA report mail: Reports:Recipients is empty, nothing sent")]
    private partial void LogNoRecipients();
}
