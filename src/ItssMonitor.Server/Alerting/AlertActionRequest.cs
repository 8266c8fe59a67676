namespace ItssMonitor.Server.Alerting;

/// <summary>
/// Body of <c>POST /api/v1/alerts/{id}/ack</c> and <c>/resolve</c>: who acts (required until sign-in exists, then
/// taken from the signed-in user) and an optional note for the timeline.
/// </summary>
public sealed record AlertActionRequest(string? By, string? Note);
