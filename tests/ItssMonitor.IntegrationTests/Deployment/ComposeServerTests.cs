using System.Net;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.TestServers;
using Npgsql;

namespace ItssMonitor.IntegrationTests.Deployment;

/// <summary>
/// The app service's environment from <c>docker-compose.yml</c>, interpolated with <c>.env.example</c> as an
/// operator's <c>.env</c>, starts a real server process that is ready: the nearest to <c>docker compose up</c>
/// without a Docker engine. Only the host names of the compose network become the test servers' loopback addresses.
/// </summary>
[Collection(InfluxCollection.Name)]
public sealed class ComposeServerTests(InfluxDbServer influx, PostgresServer postgres, RedisServer redis)
    : IClassFixture<PostgresServer>, IClassFixture<RedisServer>
{
    [Fact]
    public async Task The_compose_environment_of_the_app_starts_a_ready_server_on_all_three_stores()
    {
        var compose = ComposeFile.Load();
        var variables = new Dictionary<string, string>(ComposeFile.EnvExample(), StringComparer.Ordinal)
        {
            // The shared test InfluxDB and PostgreSQL hold other tests' data: a database of this test's own.
            ["INFLUX_BUCKET"] = TestData.UniqueName("compose"),
            ["POSTGRES_DB"] = TestData.UniqueName("compose"),
        };
        var environment = compose.Environment("app").ToDictionary(entry => entry.Key, entry => ComposeFile.Interpolate(entry.Value, variables), StringComparer.Ordinal);
        await CreateWhatComposeServicesCreateAsync(variables);

        environment["Storage__Influx__Url"] = environment["Storage__Influx__Url"].Replace("http://influxdb:8086", influx.Url.ToString().TrimEnd('/'), StringComparison.Ordinal);
        environment["Storage__Postgres"] = OnLoopback(environment["Storage__Postgres"]);
        environment["Hangfire__Postgres"] = OnLoopback(environment["Hangfire__Postgres"]);
        environment["SignalR__Redis"] = environment["SignalR__Redis"].Replace("redis:6379", redis.ConnectionString, StringComparison.Ordinal);
        environment["Monitoring__File"] = HostPathOf(compose, environment["Monitoring__File"]);

        await using var server = await ServerProcess.StartAsync(environment);
        // The first admin of .env signs in, as an operator would after docker compose up.
        using var http = await server.CreateClientAsync(name: environment["Auth__Admin__Name"], password: environment["Auth__Admin__Password"]);

        var ready = await PollAsync(async () => (await http.GetAsync(new Uri("readyz", UriKind.Relative))).StatusCode == HttpStatusCode.OK);
        Assert.True(ready, "/readyz did not answer 200:\n" + server.Output);
        var status = await http.GetStringAsync(new Uri("api/v1/status", UriKind.Relative));
        Assert.Contains("\"PostgreSQL\"", status, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, await PushWithComposeKeyAsync(http, environment["Ingest__ApiKeys__0__Key"]));
        Assert.Contains("Alerts and incidents are stored with Npgsql.EntityFrameworkCore.PostgreSQL", server.Output, StringComparison.Ordinal);
        Assert.True(await HasSchemaAsync(environment["Hangfire__Postgres"], "hangfire"), "Hangfire did not create its schema in the compose database");
    }

    // As Telegraf's InfluxDB 2 output would: a security fact about a check the sample monitoring file declares.
    private static async Task<HttpStatusCode> PushWithComposeKeyAsync(HttpClient http, string key)
    {
        var nanoseconds = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1_000_000;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v1/write", UriKind.Relative))
        {
            Content = new StringContent($"security_event,service=ItssMonitor,check=health auth_failures=1i {nanoseconds}"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + key);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<bool> HasSchemaAsync(string connectionString, string schema)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name = @schema", connection);
        query.Parameters.AddWithValue("schema", schema);
        return (long)(await query.ExecuteScalarAsync())! == 1;
    }

    // What the influxdb and postgres images do at their first start from the same variables: the database, and a login owning it.
    private async Task CreateWhatComposeServicesCreateAsync(IReadOnlyDictionary<string, string> variables)
    {
        await influx.CreateDatabaseAsync(variables["INFLUX_BUCKET"]);
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        var user = variables["POSTGRES_USER"];
        await using (var role = new NpgsqlCommand(
            $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{user}') THEN CREATE ROLE \"{user}\" LOGIN PASSWORD '{variables["POSTGRES_PASSWORD"]}'; END IF; END $$", connection))
        {
            await role.ExecuteNonQueryAsync();
        }

        await using var database = new NpgsqlCommand($"CREATE DATABASE \"{variables["POSTGRES_DB"]}\" OWNER \"{user}\"", connection);
        await database.ExecuteNonQueryAsync();
    }

    private string OnLoopback(string connectionString)
    {
        var fixture = new NpgsqlConnectionStringBuilder(postgres.ConnectionString);
        Assert.Equal("postgres", new NpgsqlConnectionStringBuilder(connectionString).Host);
        return new NpgsqlConnectionStringBuilder(connectionString) { Host = fixture.Host, Port = fixture.Port }.ConnectionString;
    }

    private static string HostPathOf(ComposeFile compose, string containerPath)
    {
        var mount = compose.Volumes("app").Select(volume => volume.Split(':')).Single(parts => parts[1] == containerPath);
        return ComposeFile.RepositoryFile(mount[0]);
    }

    private static async Task<bool> PollAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250);
        }

        return false;
    }
}
