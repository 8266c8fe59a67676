using ItssMonitor.TestServers;
using Npgsql;
using StackExchange.Redis;

namespace ItssMonitor.IntegrationTests.Fixtures;

/// <summary>
/// The PostgreSQL and Redis fixtures start real servers that answer. (InfluxDB's fixture is proven by
/// every InfluxDB test.) Relational storage and the SignalR backplane build on these.
/// </summary>
public sealed class ServerFixtureTests
{
    [Fact]
    public async Task PostgreSQL_answers_queries_and_is_gone_after_disposal()
    {
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            await using var connection = new NpgsqlConnection(postgres.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE TABLE t (v text); INSERT INTO t VALUES ('ok'); SELECT v FROM t", connection);
            Assert.Equal("ok", await command.ExecuteScalarAsync());
        }
        finally
        {
            await postgres.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        await using var gone = new NpgsqlConnection(postgres.ConnectionString + ";Timeout=2;Pooling=false");
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => gone.OpenAsync());
    }

    [Fact]
    public async Task Redis_stores_and_returns_values()
    {
        var redis = new RedisServer();
        await redis.InitializeAsync();
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
            var database = connection.GetDatabase();
            await database.StringSetAsync("itss", "ok");
            Assert.Equal("ok", (string?)await database.StringGetAsync("itss"));
        }
        finally
        {
            await redis.DisposeAsync();
        }
    }
}
