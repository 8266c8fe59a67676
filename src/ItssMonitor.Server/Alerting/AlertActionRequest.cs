namespace ItssMonitor.Server.Alerting;

/// <summary>
/// Body of <c>POST /api/v1/alerts/{id}/ack</c> and <c>/resolve</c>: an optional note for the timeline. Who acts is the
/// signed-in user; <see cref="By"/> is read only to refuse it, so an old client naming someone else learns it was not recorded.
/// </summary>
public sealed record AlertActionRequest(string? By, string? Note);
