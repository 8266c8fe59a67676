using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DotNet.Testcontainers.Builders;
using Xunit;

namespace ItssMonitor.TestServers;

/// <summary>
/// A real InfluxDB for tests: an <c>influxdb:2.7</c> container when a Docker engine answers, otherwise the
/// local <c>influxd</c> (1.x) in a temp directory. Both are reached through the v1 <c>/write</c> and
/// <c>/query</c> endpoints; <see cref="StopAsync"/> and <see cref="StartAsync"/> simulate an outage.
/// </summary>
public sealed class InfluxDbServer : IAsyncLifetime
{
    private const string ContainerImage = "influxdb:2.7";
    private const ushort ContainerHttpPort = 8086;
    private const string ContainerOrg = "itssmonitor";
    private const string ContainerToken = "itssmonitor-test-token";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private Uri? _url;
    private readonly ServerResources _resources = new();
    private string? _influxd;
    private string? _configPath;
    private string? _orgId;
    private bool _requireLogin;

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:41234/</c>; the same before and after a restart.</summary>
    public Uri Url => _url ?? throw NotStarted();

    /// <summary>API token to send as <c>Authorization: Token …</c>; null on 1.x, which runs without authentication.</summary>
    public string? Token { get; private set; }

    /// <summary>Organisation name on 2.x; null on 1.x.</summary>
    public string? Org { get; private set; }

    /// <summary>Admin user of a 1.x server made by <see cref="RequiringLogin"/>; null otherwise.</summary>
    public string? Username { get; private set; }

    public string? Password { get; private set; }

    /// <summary>
    /// A server that refuses requests without valid credentials: 1.x with authentication enabled and an
    /// admin user (<see cref="Username"/>, <see cref="Password"/>); 2.x always wants its <see cref="Token"/>.
    /// Start it with <see cref="InitializeAsync"/> and dispose it yourself.
    /// </summary>
    public static InfluxDbServer RequiringLogin() => new() { _requireLogin = true };

    public Task InitializeAsync() => _resources.StartAsync(async () =>
    {
        if (DockerEngine.IsAvailable)
        {
            await CreateContainerAsync();
            return;
        }

        _influxd = ServerBinary.Find("influxd") ?? throw new InvalidOperationException(
            "InfluxDB is needed for these tests: no Docker engine answers and influxd is not installed. " +
            "Install it with: apt-get install -y influxdb");
        CreateLocalConfiguration();
        await StartAsync();
        if (_requireLogin)
        {
            await CreateAdminAsync();
        }
    });

    /// <summary>
    /// Creates a database that the v1 <c>/write?db=</c> and <c>/query?db=</c> endpoints accept; on 2.x that is a
    /// bucket, which 2.x maps to a database of the same name (retention policy <c>autogen</c>) by itself.
    /// </summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Token is null)
        {
            await CreateV1DatabaseAsync(name, ct);
        }
        else
        {
            await CreateBucketAsync(name, ct);
        }
    }

    /// <summary>Stops the server as an outage would; its data stays for <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_resources.Container is not null)
            {
                await _resources.Container.StopAsync();
            }
            else
            {
                await _resources.StopProcessAsync();
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Starts the server again on the same port with the same data; returns once <c>/ping</c> answers 204.</summary>
    public async Task StartAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            if (_resources.Container is not null)
            {
                await _resources.Container.StartAsync();
                await WaitForPingAsync();
            }
            else if (_resources.Process is null)
            {
                var process = _resources.Process = LocalServerProcess.Start("influxd", _influxd!, ["-config", _configPath!], _resources.Directory!.Path);
                await process.WaitUntilReadyAsync(PingAsync, ReadyTimeout);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async Task DisposeAsync()
    {
        await _resources.ReleaseAsync();
        _http.Dispose();
        _lifecycle.Dispose();
    }

    private async Task CreateContainerAsync()
    {
        // Docker would pick a new host port on every start; a fixed binding keeps Url valid across a restart.
        var hostPort = FreePort.Next();
        var container = _resources.Container = new ContainerBuilder(ContainerImage)
            .WithPortBinding(hostPort, ContainerHttpPort)
            .WithEnvironment("DOCKER_INFLUXDB_INIT_MODE", "setup")
            .WithEnvironment("DOCKER_INFLUXDB_INIT_USERNAME", "itssmonitor")
            .WithEnvironment("DOCKER_INFLUXDB_INIT_PASSWORD", "itssmonitor-password")
            .WithEnvironment("DOCKER_INFLUXDB_INIT_ORG", ContainerOrg)
            .WithEnvironment("DOCKER_INFLUXDB_INIT_BUCKET", "itssmonitor")
            .WithEnvironment("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN", ContainerToken)
            // The image runs its setup on a side port and opens 8086 only when setup is done.
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request
                .ForPort(ContainerHttpPort)
                .ForPath("/ping")
                .ForStatusCode(HttpStatusCode.NoContent)))
            .Build();

        await container.StartAsync();
        _url = new Uri($"http://{container.Hostname}:{hostPort}/");
        Token = ContainerToken;
        Org = ContainerOrg;
        await WaitForPingAsync();
    }

    private void CreateLocalConfiguration()
    {
        var directory = _resources.Directory = ScratchDirectory.Create("influxdb");
        var httpPort = FreePort.Next();
        var rpcPort = FreePort.Next();
        _configPath = directory.Combine("influxdb.conf");

        // Every path and port is spelled out: the packaged defaults (/var/lib/influxdb, :8086, :8088) would
        // collide with an installed service or with another fixture.
        File.WriteAllText(_configPath, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"

            [meta]
              dir = "{directory.Combine("meta")}"

            [data]
              dir = "{directory.Combine("data")}"
              wal-dir = "{directory.Combine("wal")}"
              query-log-enabled = false

            [monitor]
              store-enabled = false

            [http]
              enabled = true
              auth-enabled = {(_requireLogin ? "true" : "false")}
              bind-address = "127.0.0.1:{httpPort}"
              log-enabled = false

            [logging]
              level = "warn"
            """);

        _url = new Uri($"http://127.0.0.1:{httpPort}/");
    }

    private async Task<bool> PingAsync(CancellationToken ct)
    {
        using var response = await _http.GetAsync(new Uri(Url, "ping"), ct);
        return response.StatusCode == HttpStatusCode.NoContent;
    }

    private async Task WaitForPingAsync()
    {
        using var deadline = new CancellationTokenSource(ReadyTimeout);
        Exception? lastFailure = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                if (await PingAsync(deadline.Token))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                lastFailure = exception;
            }

            await Task.Delay(100, CancellationToken.None);
        }

        throw new TimeoutException($"InfluxDB at {Url} did not answer /ping with 204 within {ReadyTimeout.TotalSeconds:0} s: {lastFailure?.Message}");
    }

    /// <summary>1.x lets anyone create the first user while there is none; every request after needs it.</summary>
    private async Task CreateAdminAsync()
    {
        await RunV1StatementAsync("CREATE USER \"admin\" WITH PASSWORD 'itssmonitor-password' WITH ALL PRIVILEGES", CancellationToken.None);
        Username = "admin";
        Password = "itssmonitor-password";
    }

    private Task CreateV1DatabaseAsync(string name, CancellationToken ct) =>
        RunV1StatementAsync("CREATE DATABASE \"" + name.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"", ct);

    private async Task RunV1StatementAsync(string statement, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, "query"))
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("q", statement)]),
        };
        if (Username is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Username}:{Password}")));
        }

        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        // InfluxQL errors come back as 200 with an "error" inside the results.
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"InfluxDB refused {statement}: {(int)response.StatusCode} {body}");
        }
    }

    private async Task CreateBucketAsync(string name, CancellationToken ct)
    {
        var orgId = _orgId ??= await FindOrgIdAsync(ct);
        using var request = Authorized(HttpMethod.Post, "api/v2/buckets");
        request.Content = JsonContent.Create(new { orgID = orgId, name, retentionRules = Array.Empty<object>() });
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);

        // A second create of the same name answers 422; like CREATE DATABASE on 1.x, that is not an error.
        if (!response.IsSuccessStatusCode && !body.Contains("already exists", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"InfluxDB refused to create bucket '{name}': {(int)response.StatusCode} {body}");
        }
    }

    private async Task<string> FindOrgIdAsync(CancellationToken ct)
    {
        using var request = Authorized(HttpMethod.Get, "api/v2/orgs?org=" + Uri.EscapeDataString(Org!));
        using var response = await _http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"InfluxDB did not list organisation '{Org}': {(int)response.StatusCode} {body}");
        }

        using var document = JsonDocument.Parse(body);
        foreach (var org in document.RootElement.GetProperty("orgs").EnumerateArray())
        {
            if (org.GetProperty("name").GetString() == Org)
            {
                return org.GetProperty("id").GetString()!;
            }
        }

        throw new InvalidOperationException($"InfluxDB has no organisation '{Org}': {body}");
    }

    private HttpRequestMessage Authorized(HttpMethod method, string relativeUrl)
    {
        var request = new HttpRequestMessage(method, new Uri(Url, relativeUrl));
        request.Headers.Authorization = new AuthenticationHeaderValue("Token", Token);
        return request;
    }

    private static InvalidOperationException NotStarted() =>
        new("The InfluxDB fixture has not started yet: xunit starts it through IAsyncLifetime.InitializeAsync.");
}
