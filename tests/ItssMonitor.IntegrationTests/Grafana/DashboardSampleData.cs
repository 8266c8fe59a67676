using ItssMonitor.Core.Samples;
using ItssMonitor.Core.Sla;
using ItssMonitor.Storage;
using static ItssMonitor.IntegrationTests.Fixtures.TestData;

namespace ItssMonitor.IntegrationTests.Grafana;

/// <summary>
/// Two days of samples written through the real sample store, and their hourly rollups computed and written by
/// the store, as the rollup job does. Every service has every kind of fact (check results with failures and
/// errors, certificate and TLS facts, authentication failures), so a dashboard narrowed to any one service has
/// something to show. One service name needs regex escaping in Grafana's variable formatting.
/// </summary>
internal static class DashboardSampleData
{
    public static readonly string[] Services = ["Shop.example/eu", "Web Shop"];

    public static readonly TimeSpan Length = TimeSpan.FromDays(2);

    public static async Task WriteAsync(ISampleStore store)
    {
        var samples = new List<Sample>();
        for (var minute = 0; minute < Length.TotalMinutes; minute += 5)
        {
            var at = T0.AddMinutes(minute);
            foreach (var (service, index) in Services.Select((service, index) => (service, index)))
            {
                // Each service fails for half an hour a day, at a different hour, and its port is closed at the end,
                // so the newest samples hold an error too.
                var down = minute % 1440 >= 60 * (3 + index) && minute % 1440 < 60 * (3 + index) + 30;
                var closed = down || minute >= Length.TotalMinutes - 15;
                foreach (var location in new[] { "fra", "ams" })
                {
                    samples.Add(new CheckSample(service, "home", "http", location, at, !down,
                        20 + minute % 97, down ? 503 : 200, down ? "HTTP 503 Service Unavailable" : null));
                }

                samples.Add(new CheckSample(service, "port", "tcp", "", at, !closed, closed ? null : 2 + minute % 7, null, closed ? "connection refused" : null));
                if (minute % 60 == 0)
                {
                    samples.Add(new SecuritySample(service, "certificate", "tls", "", at,
                        CertDaysLeft: 40 - minute / 1440.0, TlsVersion: "TLS 1.3", ChainValid: true, HostnameValid: index == 0));
                }

                if (minute % 10 == 0)
                {
                    samples.Add(new SecuritySample(service, "login", "push", "", at, AuthFailures: minute % 120 == 0 ? 25 : 1));
                }
            }
        }

        await store.WriteAsync(samples, CancellationToken.None);
        var rollups = await store.ComputeHourlyRollupsAsync(new TimeWindow(T0, T0 + Length), CancellationToken.None);
        await store.WriteRollupsAsync(rollups, CancellationToken.None);
    }
}
