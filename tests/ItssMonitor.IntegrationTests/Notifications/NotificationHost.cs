using Hangfire;
using Hangfire.Storage;
using ItssMonitor.Core.Alerting;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.Core.Notifications;
using ItssMonitor.Server.Alerting;
using ItssMonitor.Server.Jobs;
using ItssMonitor.Server.Notifications;
using ItssMonitor.Storage.Relational;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.IntegrationTests.Notifications;

/// <summary>
/// The server's notification part in the test process, registered as Program.cs does (AddRelationalStore, AddJobs,
/// AddNotifications): a real Hangfire server on in-memory storage polling every 200 ms, a real SQLite relational
/// store, retries after 1 s. The test plays the alert engine: it runs a real <see cref="AlertBook"/> and tells the
/// dispatcher about each outcome, as the engine does after storing it.
/// </summary>
internal sealed class NotificationHost : IAsyncDisposable
{
    public const string Team = "payments";
    public const string Service = "Ledger";

    private readonly IHost _host;
    private readonly DirectoryInfo _directory;
    private readonly AlertsOnRecord _alerts;

    private NotificationHost(IHost host, DirectoryInfo directory, AlertsOnRecord alerts, RecordingLoggerProvider logs)
    {
        _host = host;
        _directory = directory;
        _alerts = alerts;
        Logs = logs;
    }

    public AlertBook Book { get; } = new(AlertPolicy.Default);

    public RecordingLoggerProvider Logs { get; }

    public IServiceProvider Services => _host.Services;

    public static MonitoringConfiguration Estate(NotificationPlan plan) =>
        new([new ServiceDefinition(Service, Team, [], [])]) { Notifications = plan };

    private static IHost Build(MonitoringConfiguration configuration, IReadOnlyDictionary<string, string?> settings, DirectoryInfo directory, AlertsOnRecord alerts, ILoggerProvider logs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Relational:Path"] = Path.Combine(directory.FullName, "itssmonitor.db"),
            ["Hangfire:SchedulePollingInterval"] = "00:00:00.200",
            // The recurring jobs of AddJobs are not under test: once a year keeps them out of the way.
            ["Jobs:RollupSchedule"] = "0 0 1 1 *",
            ["Jobs:RetentionSchedule"] = "0 0 1 1 *",
            ["Notifications:RetryDelays:0"] = "00:00:01",
            ["Notifications:RetryDelays:1"] = "00:00:01",
            ["Notifications:PublicUrl"] = "https://noc.example/monitor",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.AddProvider(logs);
        builder.Services.AddRelationalStore(builder.Configuration);
        builder.Services.AddJobs(builder.Configuration);
        builder.Services.AddNotifications(builder.Configuration);
        builder.Services.AddSingleton<IMonitoringConfigurationSource>(new PlannedConfiguration(configuration));
        builder.Services.AddSingleton<IAlertReader>(alerts);
        return builder.Build();
    }

    public static async Task<NotificationHost> StartAsync(NotificationPlan plan, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("itssmonitor-notifications-");
        var alerts = new AlertsOnRecord();
        var logs = new RecordingLoggerProvider();
        var host = Build(Estate(plan), settings ?? new Dictionary<string, string?>(), directory, alerts, logs);
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            directory.Delete(recursive: true);
            throw;
        }

        return new NotificationHost(host, directory, alerts, logs);
    }

    public static AlertSignal ServiceDown(AlertSeverity severity = AlertSeverity.Critical) => new(
        AlertFingerprint.For("service-down", Service, "api", "http"),
        Service,
        severity,
        "service down",
        new Dictionary<string, string> { ["last error"] = "connection refused", ["down since"] = "2026-11-22T20:00:00Z" });

    public Task<Alert> FireAsync(AlertSignal signal) => TellAsync(Book.Fire(signal, DateTimeOffset.UtcNow));

    public Task<Alert> AcknowledgeAsync(AlertFingerprint fingerprint, string by) => TellAsync(Book.Acknowledge(fingerprint, by, DateTimeOffset.UtcNow));

    public Task<Alert> ResolveAsync(AlertFingerprint fingerprint) => TellAsync(Book.Resolve(fingerprint, DateTimeOffset.UtcNow));

    /// <summary>What time alone does (re-fires), as the engine's review would at <paramref name="at"/>.</summary>
    public async Task ReviewAsync(DateTimeOffset at)
    {
        foreach (var outcome in Book.Review(at))
        {
            await TellAsync(outcome);
        }
    }

    public async Task<IReadOnlyList<T>> RowsAsync<T>()
        where T : class
    {
        await using var context = await Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        return await context.Set<T>().AsNoTracking().ToListAsync();
    }

    /// <summary>The Hangfire state (Scheduled, Succeeded, Deleted…) of a job, read from its storage.</summary>
    public string? JobState(string jobId)
    {
        using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    /// <summary>The arguments a job was stored with, as Hangfire will pass them when it runs the job again.</summary>
    public IReadOnlyList<object?> JobArguments(string jobId)
    {
        using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetJobData(jobId)!.Job.Args];
    }

    public IReadOnlyList<string> SucceededJobs(string method) =>
        [.. Services.GetRequiredService<JobStorage>().GetMonitoringApi().SucceededJobs(0, 1000)
            .Where(job => job.Value.Job?.Method.Name == method).Select(job => job.Key)];

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    private async Task<Alert> TellAsync(AlertOutcome outcome)
    {
        var alert = outcome.Alert ?? throw new InvalidOperationException("The book returned no alert.");
        _alerts.Keep(alert);
        foreach (var listener in Services.GetServices<IAlertListener>())
        {
            await listener.OnAlertChangedAsync(outcome, CancellationToken.None);
        }

        return alert;
    }
}
