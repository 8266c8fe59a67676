using System.ComponentModel.DataAnnotations;
using MimeKit;

namespace ItssMonitor.Server.Reports;

/// <summary>Configuration section <c>Reports</c>: the Chromium that prints PDFs, and who receives the monthly report.</summary>
public sealed class ReportOptions : IValidatableObject
{
    public const string Section = "Reports";

    /// <summary>The Chromium (or Chrome) executable that prints the PDF; checked when a PDF is asked for.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>E-mail addresses the <c>sla-report-mail</c> job sends last month's report to; none: the job sends nothing.</summary>
    public IList<string> Recipients { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (recipient, index) in Recipients.Select((recipient, index) => (recipient, index)))
        {
            if (!MailboxAddress.TryParse(recipient, out _))
            {
                yield return new ValidationResult($"{Section}:Recipients:{index} is '{recipient}', which is not an e-mail address such as 'ops@example.com'.", [nameof(Recipients)]);
            }
        }
    }
}
