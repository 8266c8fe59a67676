using Microsoft.Extensions.Options;

namespace ItssMonitor.Server.Access;

/// <summary>Creates the admin named in <c>Auth:Admin</c> at start, once: an existing account of that name is left as it is.</summary>
internal sealed partial class FirstAdmin(UserStore users, IAuditLog audit, IOptions<AuthOptions> options, ILogger<FirstAdmin> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Admin is not { Name: { Length: > 0 } name, Password: { Length: > 0 } password })
        {
            return;
        }

        if (await users.CreateAsync(name, password, Roles.Admin, cancellationToken))
        {
            await audit.RecordAsync("configuration", "user.create", name, $"role {Roles.Admin} from Auth:Admin", cancellationToken);
            LogCreated(name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the admin account {Name} from Auth:Admin")]
    private partial void LogCreated(string name);
}
