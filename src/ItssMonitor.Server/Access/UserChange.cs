namespace ItssMonitor.Server.Access;

/// <summary>What to change on an account; null leaves that part as it is. The password is the new one in clear, to be hashed.</summary>
internal sealed record UserChange(string? Role, string? Password, bool? Disabled);
