using ItssMonitor.Server.Notifications.Email;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Reports;

/// <summary>
/// Stops start-up when <c>Reports:Recipients</c> is set and <c>Notifications:Smtp:Host</c> is not: otherwise the
/// monthly report would fail on the 1st, weeks after the setting was made.
/// </summary>
internal sealed class RecipientsNeedSmtp(IOptions<SmtpOptions> smtp) : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options) =>
        options.Recipients.Count > 0 && !smtp.Value.IsConfigured
            ? ValidateOptionsResult.Fail($"{ReportOptions.Section}:Recipients is set, but {SmtpOptions.Section}:Host is not: the monthly SLA report could not be sent.")
            : ValidateOptionsResult.Success;
}
