namespace ItssMonitor.Server.Access.Keys;

/// <summary>The body of <c>POST /api/v1/kiosk-tokens</c> and <c>POST /api/v1/api-keys</c>.</summary>
internal sealed record CredentialRequest(string? Name);
