using System.Globalization;
using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

namespace ItssMonitor.TestServers;

/// <summary>
/// A real PostgreSQL for tests: a Testcontainers <c>postgres:15-alpine</c> when a Docker engine answers,
/// otherwise a throwaway cluster of the local binaries in a temp directory on a free loopback port.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private const string ContainerImage = "postgres:15-alpine";

    // PostgreSQL refuses to run as root, and Debian's packages create this user for it.
    private const string ServiceUser = "postgres";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    // Fast shutdown (SIGINT) ends open sessions and removes the cluster's shared memory, which a kill would leak.
    private readonly ServerResources _resources = new(LocalServerProcess.SigInt);
    private string? _connectionString;

    /// <summary>Npgsql connection string for the superuser <c>postgres</c> and database <c>postgres</c>.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(
        "The PostgreSQL fixture has not started yet: xunit starts it through IAsyncLifetime.InitializeAsync.");

    public async Task InitializeAsync()
    {
        var initdb = ServerBinary.Find("initdb");
        var postgres = ServerBinary.Find("postgres");
        if (!DockerEngine.IsAvailable && (initdb is null || postgres is null))
        {
            throw new InvalidOperationException(
                "PostgreSQL is needed for these tests: no Docker engine answers and postgres is not installed. " +
                "Install it with: apt-get install -y postgresql");
        }

        await _resources.StartAsync(async () =>
        {
            if (DockerEngine.IsAvailable)
            {
                var container = new PostgreSqlBuilder(ContainerImage).Build();
                _resources.Container = container;
                await container.StartAsync();
                _connectionString = container.GetConnectionString();
            }
            else
            {
                await StartLocalAsync(initdb!, postgres!);
            }
        });
    }

    public Task DisposeAsync() => _resources.ReleaseAsync();

    private async Task StartLocalAsync(string initdb, string postgres)
    {
        var directory = _resources.Directory = ScratchDirectory.Create("postgres");
        var runAs = Environment.IsPrivilegedProcess ? ServiceUser : null;
        if (runAs is not null)
        {
            await LocalServerProcess.RunToCompletionAsync(
                "chown", "chown", [$"{ServiceUser}:", directory.Path], directory.Path, TimeSpan.FromSeconds(10));
        }

        var dataDirectory = directory.Combine("data");
        await LocalServerProcess.RunToCompletionAsync(
            "initdb",
            initdb,
            ["-D", dataDirectory, "-A", "trust", "-U", ServiceUser, "-E", "UTF8", "--no-locale", "--no-sync"],
            directory.Path,
            TimeSpan.FromSeconds(120),
            runAs);

        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        // Durability settings are off because a test cluster is thrown away; that makes it several times faster.
        var process = _resources.Process = LocalServerProcess.Start(
            "postgres",
            postgres,
            [
                "-D", dataDirectory,
                "-k", directory.Path,
                "-h", "127.0.0.1",
                "-p", port,
                "-F",
                "-c", "fsync=off",
                "-c", "synchronous_commit=off",
                "-c", "full_page_writes=off",
            ],
            directory.Path,
            runAs);

        var connectionString = $"Host=127.0.0.1;Port={port};Username={ServiceUser};Password={ServiceUser};Database=postgres";
        await process.WaitUntilReadyAsync(ct => CanQueryAsync(connectionString, ct), ReadyTimeout);
        _connectionString = connectionString;
    }

    private static async Task<bool> CanQueryAsync(string connectionString, CancellationToken ct)
    {
        // Pooling off so that the probe leaves no idle connection behind in the tests' pool.
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=3");
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(ct) is 1;
    }
}
