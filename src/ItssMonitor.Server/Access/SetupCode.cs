using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ItssMonitor.Server.Access;

/// <summary>
/// The one-time code that lets whoever started the server create the first admin at <c>/setup</c>. Made at start only
/// when no account exists (so not when <c>Auth:Admin</c> made one), printed to the console with the real listening
/// addresses, and gone once used. It goes to the console, not the log: logs are shipped and kept, this code is a secret
/// for the person at the terminal. The page is reachable by anyone, so without the code nobody else can claim the server.
/// </summary>
internal sealed class SetupCode(UserStore users, IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    private readonly Lock _lock = new();
    private byte[]? _code;

    /// <summary>Whether a first admin can still be created here.</summary>
    public bool IsOpen
    {
        get
        {
            lock (_lock)
            {
                return _code is not null;
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // FirstAdmin, registered before this, has created Auth:Admin by now when it is set.
        if (await users.AnyAsync(cancellationToken))
        {
            return;
        }

        var code = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lock (_lock)
        {
            _code = Encoding.ASCII.GetBytes(code);
        }

        lifetime.ApplicationStarted.Register(() => Announce(code));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Whether <paramref name="code"/> is the setup code, still unused (compared in constant time).</summary>
    public bool Matches(string? code)
    {
        lock (_lock)
        {
            return _code is not null && code is not null && CryptographicOperations.FixedTimeEquals(_code, Encoding.ASCII.GetBytes(code));
        }
    }

    /// <summary>Uses the code up: true for the one caller that presented it first.</summary>
    public bool TryConsume(string? code)
    {
        lock (_lock)
        {
            if (!Matches(code))
            {
                return false;
            }

            _code = null;
            return true;
        }
    }

    /// <summary>Gives back a code <see cref="TryConsume"/> took, when the admin it was taken for could not be created (bad input).</summary>
    public void Reopen(string code)
    {
        lock (_lock)
        {
            _code ??= Encoding.ASCII.GetBytes(code);
        }
    }

    private void Announce(string code)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(candidate => candidate.StartsWith("http://", StringComparison.Ordinal)) ?? addresses.FirstOrDefault() ?? "http://localhost:5080";
        // A wildcard address cannot be opened in a browser; the same port on this machine can.
        address = address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        Console.WriteLine($"No accounts yet. Create the first admin at {address.TrimEnd('/')}/setup?code={code}");
        Console.WriteLine("(or start with Auth__Admin__Name and Auth__Admin__Password set to create it from configuration)");
    }
}
