using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ItssMonitor.IntegrationTests.Fixtures;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// The real server process with a first admin (signed in by <see cref="Admin"/>), one configured ingest key (the
/// <see cref="Push"/> server's), one push service <see cref="Service"/>, and ASP.NET Core's own logging at Information,
/// so what it prints is what an operator who turned that on would see.
/// </summary>
public sealed class AccessKeysServer : IAsyncLifetime
{
    public const string Service = "Lobby";
    public const string Check = "ping";
    public const string ConfiguredKeyName = "configured-agent";
    private const string AdminName = ServerProcess.AdminName;
    private const string AdminPassword = ServerProcess.AdminPassword;

    private readonly (string Key, string Value)[] _settings;
    private PushServer? _push;

    public AccessKeysServer()
        : this([])
    {
    }

    private AccessKeysServer((string Key, string Value)[] settings) => _settings = settings;

    public PushServer Push => _push ?? throw new InvalidOperationException("Not started.");

    public ServerProcess Server => Push.Process;

    /// <summary>A client signed in as the first admin (it keeps the session cookie).</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>Starts one with <paramref name="settings"/> added (e.g. a shared PostgreSQL); dispose it with <see cref="DisposeAsync"/>.</summary>
    public static async Task<AccessKeysServer> StartAsync(params (string Key, string Value)[] settings)
    {
        var server = new AccessKeysServer(settings);
        await server.InitializeAsync();
        return server;
    }

    public async Task InitializeAsync()
    {
        _push = await PushServer.StartAsync(ConfiguredKeyName, $$"""
            services:
              - name: {{Service}}
                checks:
                  - { name: {{Check}}, kind: push, interval: 1h, failuresBeforeDown: 1 }
            """,
            [
                ("Logging__LogLevel__Microsoft.AspNetCore", "Information"),
                .. _settings,
            ]);
        Admin = await SignInAsync();
    }

    /// <summary>A client that keeps cookies and has no credentials yet.</summary>
    public HttpClient NewClient(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer() }) { BaseAddress = Server.Url, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Creates a kiosk token or an API key (<paramref name="route"/> <c>api/v1/kiosk-tokens</c> or <c>api/v1/api-keys</c>) as the admin.</summary>
    public async Task<Created> CreateAsync(string route, string name)
    {
        using var response = await Admin.PostAsJsonAsync(route, new { name });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{route} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Created>())!;
    }

    public async Task RevokeAsync(string route, long id)
    {
        using var response = await Admin.DeleteAsync($"{route}/{id}");
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>The admin's listing of <paramref name="route"/>.</summary>
    public async Task<JsonElement[]> ListAsync(string route) => (await Admin.GetFromJsonAsync<JsonElement[]>(route))!;

    /// <summary>The entry of <paramref name="route"/>'s listing with id <paramref name="id"/>.</summary>
    public async Task<JsonElement> ListedAsync(string route, long id) =>
        Assert.Single(await ListAsync(route), entry => entry.GetProperty("id").ValueKind == JsonValueKind.Number && entry.GetProperty("id").GetInt64() == id);

    /// <summary>Pushes one sample with <paramref name="key"/> as the bearer token; the answer's status.</summary>
    public async Task<HttpStatusCode> PushWithAsync(string key)
    {
        using var client = NewClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var sample = new { service = Service, check = Check, up = true, timestamp = PushServer.NextTimestamp() };
        using var response = await client.PostAsJsonAsync("api/v1/samples", new { samples = new[] { sample } });
        return response.StatusCode;
    }

    /// <summary>Waits up to a minute for <paramref name="condition"/> (what a node learns by refreshing, it learns within seconds).</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited 60 s for {what}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The audit log as the server wrote it to its SQLite file.</summary>
    public async Task<IReadOnlyList<AuditEntryRecord>> AuditAsync()
    {
        var path = Path.Combine(Server.WorkingDirectory, "data", "itssmonitor.db");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Relational:Path"] = path }).Build();
        await using var provider = new ServiceCollection().AddRelationalStore(configuration).BuildServiceProvider();
        await using var context = await provider.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        return await context.Set<AuditEntryRecord>().AsNoTracking().OrderBy(entry => entry.Id).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        Admin?.Dispose();
        if (_push is not null)
        {
            await _push.DisposeAsync();
        }
    }

    private async Task<HttpClient> SignInAsync()
    {
        var client = NewClient();
        using var response = await client.PostAsJsonAsync("api/v1/session", new { name = AdminName, password = AdminPassword });
        Assert.True(response.IsSuccessStatusCode, $"signing in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>What <c>POST</c> answers: the secret, once, and what to paste where.</summary>
    public sealed record Created(long Id, string Name, string Prefix, string Secret, string Usage);
}
