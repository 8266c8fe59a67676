using Hangfire;
using Hangfire.Common;
using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Notifications;

/// <summary>
/// Gives <see cref="NotificationDeliveryJob"/> Hangfire's automatic retry with the delays of
/// <c>Notifications:RetryDelays</c>. An attribute on the job could only hold constants; this provider is added to
/// the server's filter providers, and as a method-scope <see cref="AutomaticRetryAttribute"/> it takes the place of
/// the global default (10 attempts) for that one job type only.
/// </summary>
internal sealed class NotificationRetries(IOptions<NotificationOptions> options) : IJobFilterProvider
{
    private readonly Lazy<JobFilter> _retry = new(() =>
    {
        var delays = options.Value.EffectiveRetryDelays;
        var retry = new AutomaticRetryAttribute
        {
            Attempts = delays.Count,
            DelaysInSeconds = [.. delays.Select(delay => (int)Math.Ceiling(delay.TotalSeconds))],
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        };
        return new JobFilter(retry, JobFilterScope.Method, order: null);
    });

    public IEnumerable<JobFilter> GetFilters(Job job) => job?.Type == typeof(NotificationDeliveryJob) ? [_retry.Value] : [];
}
