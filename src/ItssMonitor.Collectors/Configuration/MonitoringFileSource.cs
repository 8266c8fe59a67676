using System.Runtime.CompilerServices;
using ItssMonitor.Core.Monitoring;
using Microsoft.Extensions.Logging;

namespace ItssMonitor.Collectors.Configuration;

/// <summary>
/// The monitoring configuration from a YAML file (see <see cref="MonitoringFileParser"/>). It is read when
/// the source is created, and a missing or invalid file throws a <see cref="MonitoringFileException"/> then,
/// so a bad file stops the start. After that the file is watched: a valid new version replaces the
/// configuration in force; an invalid one is logged with all its errors and the last good one stays.
/// </summary>
public sealed partial class MonitoringFileSource : IMonitoringConfigurationSource, IDisposable
{
    /// <summary>The configuration key of the file's path, relative to the working directory.</summary>
    public const string ConfigurationKey = "Monitoring:File";

    /// <summary>Editors save in bursts (truncate, write, rename, touch); one reload after the burst is enough.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(250);

    private readonly string _displayName;
    private readonly string _fullPath;
    private readonly ILogger<MonitoringFileSource> _logger;
    private readonly FileSystemWatcher _watcher;
    private readonly ITimer _debounce;
    private readonly Lock _reloading = new();
    private LoadedFile _current;
    private string _lastRead;

    /// <param name="path">As configured; errors and logs name the file this way, it is read relative to the working directory.</param>
    public MonitoringFileSource(string path, TimeProvider time, ILogger<MonitoringFileSource> logger)
    {
        _displayName = path;
        _fullPath = Path.GetFullPath(path);
        _logger = logger;

        var text = Read() ?? throw new MonitoringFileException([CannotRead()]);
        var configuration = MonitoringFileParser.Parse(text, _displayName).GetConfigurationOrThrow();
        _current = new LoadedFile(configuration, text);
        _lastRead = text;
        LogLoaded(_displayName, configuration.Services.Count, configuration.AllChecks.Count());

        _debounce = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

        // The directory, not the file: editors that save to a temporary file and rename it over the original
        // replace the file a watch on it would follow away.
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(_fullPath)!)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnFileEvent;
        _watcher.Created += OnFileEvent;
        _watcher.Deleted += OnFileEvent;
        _watcher.Renamed += OnFileEvent;
        _watcher.Error += (_, _) => ScheduleReload();
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The configuration in force.</summary>
    public MonitoringConfiguration Current => Volatile.Read(ref _current).Configuration;

    public Task<MonitoringConfiguration> GetAsync(CancellationToken cancellationToken) => Task.FromResult(Current);

    /// <summary>
    /// The configuration in force, then each valid new version. A consumer slower than the edits gets the
    /// latest, not every step in between. Cancelling ends the enumeration with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public async IAsyncEnumerable<MonitoringConfiguration> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var version = Volatile.Read(ref _current);
        yield return version.Configuration;
        while (true)
        {
            await version.Replaced.Task.WaitAsync(cancellationToken);
            version = Volatile.Read(ref _current);
            yield return version.Configuration;
        }
    }

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }

    private void OnFileEvent(object sender, FileSystemEventArgs change)
    {
        if (IsOurs(change.FullPath) || (change is RenamedEventArgs renamed && IsOurs(renamed.OldFullPath)))
        {
            ScheduleReload();
        }
    }

    private bool IsOurs(string path) => string.Equals(path, _fullPath, StringComparison.Ordinal);

    private void ScheduleReload() => _debounce.Change(Debounce, Timeout.InfiniteTimeSpan);

    private void Reload()
    {
        // Timer callbacks can overlap when a save lands while a reload runs; one at a time keeps versions in order.
        lock (_reloading)
        {
            var text = Read();
            if (text is null)
            {
                // Mid-replace, or deleted: the next event (the rename, the re-creation) reloads again.
                LogCannotRead(_displayName, _fullPath);
                return;
            }

            if (text == _lastRead)
            {
                return;
            }

            _lastRead = text;
            var result = MonitoringFileParser.Parse(text, _displayName);
            if (!result.IsValid)
            {
                LogRejected(_displayName, result.Errors.Count);
                foreach (var error in result.Errors)
                {
                    LogFileError(error.File, error.Line, error.Column, error.Path, error.Message);
                }

                return;
            }

            if (text == _current.Text)
            {
                LogValidAgain(_displayName);
                return;
            }

            var previous = _current;
            Volatile.Write(ref _current, new LoadedFile(result.Configuration, text));
            previous.Replaced.TrySetResult();
            LogReloaded(_displayName, result.Configuration.Services.Count, result.Configuration.AllChecks.Count());
        }
    }

    /// <summary>The file's text, or null when it cannot be read (missing, or mid-replace).</summary>
    private string? Read()
    {
        try
        {
            // Shared so that an editor writing the file at this moment is not locked out.
            using var stream = new FileStream(_fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private ConfigurationError CannotRead() =>
        new(_displayName, 0, 0, "", $"cannot read the monitoring file at {_fullPath}: {(File.Exists(_fullPath) ? "access denied or in use" : "no such file")}");

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring file {File} loaded: {ServiceCount} services, {CheckCount} checks")]
    private partial void LogLoaded(string file, int serviceCount, int checkCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring file {File} reloaded: {ServiceCount} services, {CheckCount} checks")]
    private partial void LogReloaded(string file, int serviceCount, int checkCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Monitoring file {File} is valid again and the same as the configuration in force")]
    private partial void LogValidAgain(string file);

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitoring file {File} changed but cannot be used ({ErrorCount} errors); the last good configuration stays in force")]
    private partial void LogRejected(string file, int errorCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Monitoring file {File} cannot be read (at {FullPath}); the last good configuration stays in force")]
    private partial void LogCannotRead(string file, string fullPath);

    [LoggerMessage(Level = LogLevel.Error, Message = "{File}:{Line}:{Column}: {Field}: {Problem}")]
    private partial void LogFileError(string file, int line, int column, string field, string problem);

    /// <summary>A configuration in force, its text, and the signal that a newer one has replaced it.</summary>
    private sealed record LoadedFile(MonitoringConfiguration Configuration, string Text)
    {
        public TaskCompletionSource Replaced { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
