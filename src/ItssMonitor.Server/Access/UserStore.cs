using System.Security.Cryptography;
using ItssMonitor.Storage.Relational;
using ItssMonitor.Storage.Relational.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ItssMonitor.Server.Access;

/// <summary>
/// Local accounts in the relational store, passwords hashed and checked with ASP.NET Core Identity's
/// <see cref="PasswordHasher{TUser}"/> (PBKDF2, salted, rehashed when its parameters grow).
/// </summary>
internal sealed class UserStore(IDbContextFactory<MonitorDbContext> contexts, TimeProvider time)
{
    // What a wrong name is checked against, so that it costs as much time as a wrong password.
    private static readonly UserRecord UnknownUser = WithRandomPassword();

    private readonly PasswordHasher<UserRecord> _hasher = new();

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Set<UserRecord>().AnyAsync(cancellationToken);
    }

    public async Task<UserRecord?> FindAsync(string name, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = Normalize(name);
        return await context.Set<UserRecord>().AsNoTracking().SingleOrDefaultAsync(user => user.NormalizedName == normalized, cancellationToken);
    }

    /// <summary>Creates the account; false when one of that name exists already.</summary>
    public async Task<bool> CreateAsync(string name, string password, string role, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var user = new UserRecord
        {
            Name = name.Trim(),
            NormalizedName = Normalize(name),
            PasswordHash = string.Empty,
            Role = role,
            CreatedAt = time.GetUtcNow(),
        };
        if (await context.Set<UserRecord>().AnyAsync(existing => existing.NormalizedName == user.NormalizedName, cancellationToken))
        {
            return false;
        }

        // Hashed only for a free name: FirstAdmin asks at every start, and the answer is nearly always "exists".
        user.PasswordHash = _hasher.HashPassword(user, password);

        context.Set<UserRecord>().Add(user);
        try
        {
            await context.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two nodes creating the same name at once (both starting with Auth:Admin): the unique index lets one in.
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            if (await fresh.Set<UserRecord>().AnyAsync(existing => existing.NormalizedName == user.NormalizedName, cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    /// <summary>Every account, by name.</summary>
    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return await context.Set<UserRecord>().AsNoTracking().OrderBy(user => user.NormalizedName).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Changes what <paramref name="change"/> sets (role, password, disabled) on the account; refuses, changing nothing,
    /// when that would leave no enabled Admin.
    /// </summary>
    public async Task<UserUpdate> UpdateAsync(string name, UserChange change, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = Normalize(name);
        var users = context.Set<UserRecord>();
        if (await users.SingleOrDefaultAsync(candidate => candidate.NormalizedName == normalized, cancellationToken) is not { } user)
        {
            return UserUpdate.NotFound;
        }

        var wasEnabledAdmin = user is { Role: Roles.Admin, Disabled: false };
        user.Role = change.Role ?? user.Role;
        user.Disabled = change.Disabled ?? user.Disabled;
        if (change.Password is { } password)
        {
            user.PasswordHash = _hasher.HashPassword(user, password);
        }

        // Checked in the store, not the endpoint, so no way in (API, page) can lock every admin out.
        if (wasEnabledAdmin && user is not { Role: Roles.Admin, Disabled: false }
            && !await users.AnyAsync(other => other.Id != user.Id && other.Role == Roles.Admin && !other.Disabled, cancellationToken))
        {
            return UserUpdate.LastAdmin;
        }

        await context.SaveChangesAsync(cancellationToken);
        return UserUpdate.Done;
    }

    /// <summary>The enabled account whose password this is, its sign-in time noted; null for a wrong name or password alike.</summary>
    public async Task<UserRecord?> VerifyAsync(string name, string password, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var normalized = Normalize(name);
        var user = await context.Set<UserRecord>().SingleOrDefaultAsync(candidate => candidate.NormalizedName == normalized, cancellationToken);
        if (user is null || user.Disabled)
        {
            // As long as checking a real password, so the time taken does not tell which names exist.
            _hasher.VerifyHashedPassword(UnknownUser, UnknownUser.PasswordHash, password);
            return null;
        }

        var result = _hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            return null;
        }

        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = _hasher.HashPassword(user, password);
        }

        user.LastSignInAt = time.GetUtcNow();
        await context.SaveChangesAsync(cancellationToken);
        return user;
    }

    private static UserRecord WithRandomPassword()
    {
        var user = new UserRecord { Name = string.Empty, NormalizedName = string.Empty, PasswordHash = string.Empty, Role = Roles.Viewer };
        user.PasswordHash = new PasswordHasher<UserRecord>().HashPassword(user, Convert.ToHexString(RandomNumberGenerator.GetBytes(32)));
        return user;
    }

    private static string Normalize(string name) => name.Trim().ToUpperInvariant();
}
