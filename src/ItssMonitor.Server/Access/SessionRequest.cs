namespace ItssMonitor.Server.Access;

/// <summary>The body of <c>POST /api/v1/session</c>.</summary>
internal sealed record SessionRequest(string? Name, string? Password);
