using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Storage;

namespace ItssMonitor.Server.Pages.ServiceDetail;

/// <summary>
/// What the detail page reads from the sample store: the chart series for the chosen range and the 30-day
/// statistics the SLA is measured on. A store that is down gives <see cref="Unavailable"/> with its reason
/// instead of an exception, so the page keeps its live parts.
/// </summary>
internal sealed record ServiceHistory(TimeWindow Window, ChartSeries? Series, SlaCompliance? Sla, string? Unavailable)
{
    public static readonly TimeSpan SlaWindow = TimeSpan.FromDays(30);

    public static async Task<ServiceHistory> LoadAsync(
        ISampleStore store, string service, ServiceSla? sla, HistoryRange range, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = new TimeWindow(now - range.Length, now);
        try
        {
            var scope = SampleScope.ForService(service);
            var series = await store.GetSeriesAsync(scope, window, cancellationToken);
            var measured = await store.GetStatisticsAsync(scope, new TimeWindow(now - SlaWindow, now), cancellationToken);
            return new ServiceHistory(window, series, SlaCompliance.Evaluate(sla, measured), null);
        }
        catch (SampleStoreUnavailableException exception)
        {
            return new ServiceHistory(window, null, null, exception.Message);
        }
    }
}
