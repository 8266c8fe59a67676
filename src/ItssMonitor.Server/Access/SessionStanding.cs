namespace ItssMonitor.Server.Access;

/// <summary>How a local account's session stands against the account as it is now (<see cref="SessionEndpoints.Standing"/>).</summary>
internal enum SessionStanding
{
    /// <summary>Same account, same password, same role.</summary>
    Current,

    /// <summary>Still valid, but the account has another role now.</summary>
    RoleChanged,

    /// <summary>The account is gone or disabled, or its password changed since the sign-in.</summary>
    Ended,
}
