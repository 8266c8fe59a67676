namespace ItssMonitor.Storage.Relational.Users;

/// <summary>A local account (table <c>users</c>): the password only as ASP.NET Core Identity's hash, and one role.</summary>
public sealed class UserRecord
{
    public long Id { get; set; }

    /// <summary>The name as typed when the account was made; shown in the audit log and on incidents.</summary>
    public required string Name { get; set; }

    /// <summary>The name in upper case invariant: unique, so "Alice" and "alice" are one account.</summary>
    public required string NormalizedName { get; set; }

    public required string PasswordHash { get; set; }

    public required string Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    /// <summary>A disabled account cannot sign in; it stays so the audit log's names keep meaning someone.</summary>
    public bool Disabled { get; set; }
}
