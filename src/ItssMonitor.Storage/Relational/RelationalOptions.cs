namespace ItssMonitor.Storage.Relational;

/// <summary>
/// Where alerts and incidents live: PostgreSQL when <c>Storage:Postgres</c> (an Npgsql connection string) is set,
/// so several nodes share them; otherwise the SQLite file at <c>Storage:Relational:Path</c>.
/// </summary>
public sealed class RelationalOptions
{
    public string? Postgres { get; set; }

    /// <summary>SQLite database file; relative paths are under the working directory.</summary>
    public string Path { get; set; } = "data/itssmonitor.db";
}
