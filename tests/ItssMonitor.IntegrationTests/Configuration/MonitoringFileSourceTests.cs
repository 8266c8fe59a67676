using ItssMonitor.Collectors.Configuration;
using ItssMonitor.Core.Monitoring;
using ItssMonitor.IntegrationTests.Fixtures;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.IntegrationTests.Configuration;

/// <summary>The monitoring file source on real files in a temporary directory, edited as editors and operators do.</summary>
public sealed class MonitoringFileSourceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly string _directory = Directory.CreateTempSubdirectory("itss-monitoring-file-").FullName;
    private readonly RecordingLogger<MonitoringFileSource> _logger = new();
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private string FilePath => Path.Combine(_directory, "monitoring.yaml");

    [Fact]
    public async Task The_file_is_read_at_start_and_watchers_get_it_first()
    {
        File.WriteAllText(FilePath, Estate("Payments API"));
        using var source = CreateSource();

        await using var watch = source.WatchAsync(_timeout.Token).GetAsyncEnumerator();

        Assert.Equal(["Payments API"], ServiceNames(await source.GetAsync(_timeout.Token)));
        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(["Payments API"], ServiceNames(watch.Current));
    }

    [Fact]
    public async Task A_changed_file_is_published_to_every_watcher()
    {
        File.WriteAllText(FilePath, Estate("Payments API"));
        using var source = CreateSource();
        await using var first = await WatchingAsync(source);
        await using var second = await WatchingAsync(source);

        File.WriteAllText(FilePath, Estate("Payments API", "Ledger"));

        Assert.Equal(["Payments API", "Ledger"], ServiceNames(await NextAsync(first)));
        Assert.Equal(["Payments API", "Ledger"], ServiceNames(await NextAsync(second)));
        Assert.Equal(["Payments API", "Ledger"], ServiceNames(await source.GetAsync(_timeout.Token)));
    }

    [Fact]
    public async Task A_file_saved_as_a_temporary_file_and_renamed_over_the_original_is_picked_up()
    {
        File.WriteAllText(FilePath, Estate("Payments API"));
        using var source = CreateSource();
        await using var watch = await WatchingAsync(source);

        var temporary = Path.Combine(_directory, ".monitoring.yaml.swp");
        File.WriteAllText(temporary, Estate("Search"));
        File.Move(temporary, FilePath, overwrite: true);

        Assert.Equal(["Search"], ServiceNames(await NextAsync(watch)));
    }

    [Fact]
    public async Task A_bad_edit_is_logged_with_its_errors_and_keeps_the_last_good_configuration_until_a_good_edit()
    {
        File.WriteAllText(FilePath, Estate("Payments API"));
        using var source = CreateSource();
        await using var watch = await WatchingAsync(source);
        var pending = watch.MoveNextAsync().AsTask();

        File.WriteAllText(FilePath, "services:\n  - name: Ledger\n    checks:\n      - { name: db, kind: tcp, host: db.example, port: http }\n");
        var error = await LoggedAsync($"{FilePath}:4:56: services[0].checks[0].port: expected a port number from 1 to 65535, got \"http\"");

        Assert.Equal(LogLevel.Error, error.Level);
        Assert.Contains(_logger.Entries, entry => entry.Level == LogLevel.Error && entry.Message.Contains("the last good configuration stays in force"));
        Assert.False(pending.IsCompleted, "an invalid file must not be published");
        Assert.Equal(["Payments API"], ServiceNames(await source.GetAsync(_timeout.Token)));

        File.WriteAllText(FilePath, Estate("Ledger"));

        Assert.True(await pending.WaitAsync(Patience));
        Assert.Equal(["Ledger"], ServiceNames(watch.Current));
    }

    [Fact]
    public void A_missing_file_stops_the_start()
    {
        var exception = Assert.Throws<MonitoringFileException>(CreateSource);

        var error = Assert.Single(exception.Errors);
        Assert.Equal($"{FilePath}: cannot read the monitoring file at {FilePath}: no such file", error.ToString());
    }

    [Fact]
    public void An_invalid_file_stops_the_start_with_every_error()
    {
        File.WriteAllText(FilePath, "services:\n  - name: a\n    checks:\n      - { name: c, kind: htp }\n  - name: a\n    checks: []\n");

        var exception = Assert.Throws<MonitoringFileException>(CreateSource);

        Assert.Equal(
            [
                $"{FilePath}:4:26: services[0].checks[0].kind: unknown kind \"htp\" (did you mean \"http\"?); expected one of: http, tcp, dns, tls, icmp, push",
                $"{FilePath}:5:11: services[1].name: duplicate service name \"a\": services[0] (line 2) has it already",
                $"{FilePath}:6:13: services[1].checks: a service needs at least one check",
            ],
            exception.Errors.Select(error => error.ToString()));
    }

    public void Dispose()
    {
        _timeout.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Estate(params string[] services) =>
        "services:\n" + string.Concat(services.Select(service => $"  - name: {service}\n    checks:\n      - {{ name: health, kind: push, interval: 1m }}\n"));

    private static string[] ServiceNames(MonitoringConfiguration configuration) => [.. configuration.Services.Select(service => service.Name)];

    private MonitoringFileSource CreateSource() => new(FilePath, TimeProvider.System, _logger);

    /// <summary>A watcher that has had the configuration in force, so its next item is a change.</summary>
    private async Task<IAsyncEnumerator<MonitoringConfiguration>> WatchingAsync(MonitoringFileSource source)
    {
        var watch = source.WatchAsync(_timeout.Token).GetAsyncEnumerator();
        Assert.True(await watch.MoveNextAsync());
        return watch;
    }

    private static async Task<MonitoringConfiguration> NextAsync(IAsyncEnumerator<MonitoringConfiguration> watch)
    {
        Assert.True(await watch.MoveNextAsync().AsTask().WaitAsync(Patience));
        return watch.Current;
    }

    private async Task<(LogLevel Level, string Message)> LoggedAsync(string message)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var entry in _logger.Entries)
            {
                if (entry.Message == message)
                {
                    return entry;
                }
            }

            await Task.Delay(20);
        }

        Assert.Fail($"Not logged within {Patience.TotalSeconds} s: {message}\nLogged:\n{string.Join("\n", _logger.Entries.Select(entry => $"{entry.Level}: {entry.Message}"))}");
        return default;
    }
}
