namespace ItssMonitor.Server.Access;

/// <summary>
/// Creating and changing accounts, for the users API and the <c>/admin/users</c> page alike: checks the input,
/// changes the store, and writes the audit entry (never the password).
/// </summary>
internal sealed class UserAdministration(UserStore users, IAuditLog audit)
{
    private const int MaximumNameLength = 100;

    public Task<IReadOnlyList<Storage.Relational.Users.UserRecord>> ListAsync(CancellationToken cancellationToken) => users.ListAsync(cancellationToken);

    /// <summary>Creates the account as <paramref name="actor"/>; null when done, else why not.</summary>
    public async Task<AccountProblem?> CreateAsync(string actor, string? name, string? password, string? role, CancellationToken cancellationToken)
    {
        if (NameProblem(name) is { } badName)
        {
            return badName;
        }

        if (Roles.Parse(role) is not { } parsedRole)
        {
            return BadRole(role);
        }

        if (PasswordRule.Problem(password) is { } badPassword)
        {
            return new AccountProblem(StatusCodes.Status400BadRequest, "Bad 'password'", badPassword);
        }

        if (!await users.CreateAsync(name!, password!, parsedRole, cancellationToken))
        {
            return new AccountProblem(StatusCodes.Status409Conflict, "Name taken", $"An account named '{name!.Trim()}' exists already (names ignore case).");
        }

        await audit.RecordAsync(actor, "user.create", name!.Trim(), $"role {parsedRole}", cancellationToken);
        return null;
    }

    /// <summary>Changes the role, password and/or disabled state of <paramref name="name"/> as <paramref name="actor"/>; null when done, else why not.</summary>
    public async Task<AccountProblem?> UpdateAsync(string actor, string name, string? role, string? password, bool? disabled, CancellationToken cancellationToken)
    {
        string? parsedRole = null;
        if (role is not null && (parsedRole = Roles.Parse(role)) is null)
        {
            return BadRole(role);
        }

        if (password is not null && PasswordRule.Problem(password) is { } badPassword)
        {
            return new AccountProblem(StatusCodes.Status400BadRequest, "Bad 'password'", badPassword);
        }

        if (parsedRole is null && password is null && disabled is null)
        {
            return new AccountProblem(StatusCodes.Status400BadRequest, "Nothing to change", "Give at least one of 'role', 'password' or 'disabled'.");
        }

        switch (await users.UpdateAsync(name, new UserChange(parsedRole, password, disabled), cancellationToken))
        {
            case UserUpdate.NotFound:
                return new AccountProblem(StatusCodes.Status404NotFound, "No such account", $"There is no account named '{name}'.");
            case UserUpdate.LastAdmin:
                return new AccountProblem(
                    StatusCodes.Status409Conflict,
                    "Last admin",
                    $"'{name}' is the last enabled Admin: make another account Admin first, or nobody could manage accounts any more.");
        }

        if (parsedRole is not null)
        {
            await audit.RecordAsync(actor, "user.role", name, $"role {parsedRole}", cancellationToken);
        }

        if (password is not null)
        {
            await audit.RecordAsync(actor, "user.password", name, null, cancellationToken);
        }

        if (disabled is { } off)
        {
            await audit.RecordAsync(actor, off ? "user.disable" : "user.enable", name, null, cancellationToken);
        }

        return null;
    }

    private static AccountProblem? NameProblem(string? name) => name?.Trim() switch
    {
        null or "" => new AccountProblem(StatusCodes.Status400BadRequest, "Bad 'name'", "'name' is required."),
        { Length: > MaximumNameLength } => new AccountProblem(StatusCodes.Status400BadRequest, "Bad 'name'", $"'name' is longer than {MaximumNameLength} characters."),
        var trimmed when trimmed.Any(char.IsControl) => new AccountProblem(StatusCodes.Status400BadRequest, "Bad 'name'", "'name' contains control characters."),
        _ => null,
    };

    private static AccountProblem BadRole(string? role) =>
        new(StatusCodes.Status400BadRequest, "Bad 'role'", $"'role' is '{role}'; expected one of {string.Join(", ", Roles.All)}.");
}
