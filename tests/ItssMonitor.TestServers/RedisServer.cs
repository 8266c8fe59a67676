using System.Globalization;
using StackExchange.Redis;
using Testcontainers.Redis;
using Xunit;

namespace ItssMonitor.TestServers;

/// <summary>
/// A real Redis for tests: a Testcontainers <c>redis:7-alpine</c> when a Docker engine answers, otherwise the
/// local <c>redis-server</c> on a free loopback port, without persistence.
/// </summary>
public sealed class RedisServer : IAsyncLifetime
{
    private const string ContainerImage = "redis:7-alpine";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly ServerResources _resources = new();
    private string? _connectionString;

    /// <summary>StackExchange.Redis configuration string, <c>host:port</c>.</summary>
    public string ConnectionString => _connectionString ?? throw new InvalidOperationException(
        "The Redis fixture has not started yet: xunit starts it through IAsyncLifetime.InitializeAsync.");

    public async Task InitializeAsync()
    {
        var redisServer = ServerBinary.Find("redis-server");
        if (!DockerEngine.IsAvailable && redisServer is null)
        {
            throw new InvalidOperationException(
                "Redis is needed for these tests: no Docker engine answers and redis-server is not installed. " +
                "Install it with: apt-get install -y redis-server");
        }

        await _resources.StartAsync(async () =>
        {
            if (DockerEngine.IsAvailable)
            {
                var container = new RedisBuilder(ContainerImage).Build();
                _resources.Container = container;
                await container.StartAsync();
                _connectionString = container.GetConnectionString();
            }
            else
            {
                await StartLocalAsync(redisServer!);
            }
        });
    }

    public Task DisposeAsync() => _resources.ReleaseAsync();

    private async Task StartLocalAsync(string redisServer)
    {
        var directory = _resources.Directory = ScratchDirectory.Create("redis");
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var process = _resources.Process = LocalServerProcess.Start(
            "redis-server",
            redisServer,
            [
                "--port", port,
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", directory.Path,
                "--daemonize", "no",
                "--loglevel", "warning",
            ],
            directory.Path);

        var connectionString = $"127.0.0.1:{port}";
        await process.WaitUntilReadyAsync(ct => AnswersPingAsync(connectionString), ReadyTimeout);
        _connectionString = connectionString;
    }

    private static async Task<bool> AnswersPingAsync(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = true;
        options.ConnectRetry = 0;
        options.ConnectTimeout = 1000;
        await using var connection = await ConnectionMultiplexer.ConnectAsync(options);
        await connection.GetDatabase().PingAsync();
        return true;
    }
}
