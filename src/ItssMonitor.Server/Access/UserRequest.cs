namespace ItssMonitor.Server.Access;

/// <summary>
/// The body of <c>POST /api/v1/users</c> (name, password and role required) and <c>PUT /api/v1/users/{name}</c>
/// (any of role, password, disabled; the name comes from the path).
/// </summary>
internal sealed record UserRequest(string? Name, string? Password, string? Role, bool? Disabled);
