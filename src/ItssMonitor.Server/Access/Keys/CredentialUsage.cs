namespace ItssMonitor.Server.Access.Keys;

/// <summary>What an admin pastes where the new secret goes: the wall display's URL, or Telegraf's output section.</summary>
internal static class CredentialUsage
{
    /// <param name="server">The server's address as the admin reached it, ending in a slash.</param>
    public static string For(CredentialKind kind, Uri server, string name, string secret) => kind == CredentialKind.KioskToken
        ? new Uri(server, $"wall?{KioskAuthenticationHandler.QueryName}={Uri.EscapeDataString(secret)}").ToString()
        : $$"""
            [[outputs.influxdb]]
              urls = ["{{new Uri(server, "api/v1")}}"]
              database = "telegraf"          # accepted, ignored
              username = "{{name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}}"
              password = "{{secret}}"
              content_encoding = "gzip"
              metric_batch_size = 1000
              namepass = ["check_result", "security_event"]
            """;
}
