namespace ItssMonitor.Server.Access;

/// <summary>How <see cref="UserStore.UpdateAsync"/> went.</summary>
internal enum UserUpdate
{
    Done,
    NotFound,

    /// <summary>Refused: the change would leave no enabled Admin, and nobody could manage accounts any more.</summary>
    LastAdmin,
}
