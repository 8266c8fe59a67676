namespace ItssMonitor.Storage.Sqlite;

/// <summary>Configuration section <c>Storage:Sqlite</c>: the embedded sample store used when no InfluxDB is configured.</summary>
public sealed class SqliteOptions
{
    /// <summary>Database file; relative paths are under the working directory.</summary>
    public string Path { get; set; } = "data/samples.db";
}
