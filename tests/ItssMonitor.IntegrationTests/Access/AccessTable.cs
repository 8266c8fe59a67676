namespace ItssMonitor.IntegrationTests.Access;

/// <summary>
/// The decided access of every endpoint the server maps. A new endpoint fails <see cref="EndpointAccessTests"/> until
/// it has a row here, so nobody adds one without deciding who may use it.
/// </summary>
public static class AccessTable
{
    /// <summary>Every endpoint serving a file of wwwroot or a package (scripts, styles, fonts) is one row.</summary>
    public const string StaticAssets = "static assets";

    public static readonly IReadOnlyList<AccessRow> Rows =
    [
        // Open: probes, health checks, the sign-in and setup paths, and what the login page needs to render.
        new("*", "/healthz", Access.Anonymous, "GET", "/healthz"),
        new("*", "/readyz", Access.Anonymous, "GET", "/readyz"),
        new("GET", "/demo/payments/health", Access.Anonymous, "GET", "/demo/payments/health"),
        new("GET", "/demo/portal", Access.Anonymous, "GET", "/demo/portal"),
        new("GET", "/demo/search", Access.Anonymous, "GET", "/demo/search"),
        new("GET", "/demo/ledger/health", Access.Anonymous, "GET", "/demo/ledger/health"),
        new("GET", "/demo/identity/login", Access.Anonymous, "GET", "/demo/identity/login"),
        new("GET", "/demo/reporting/export", Access.Anonymous, "GET", "/demo/reporting/export"),
        new("GET,HEAD", StaticAssets, Access.Anonymous, "GET", "/css/app.css"),
        new("POST", "/api/v1/session", Access.Anonymous, "POST", "/api/v1/session", "{}"),
        new("DELETE", "/api/v1/session", Access.Anonymous, "DELETE", "/api/v1/session"),
        new("POST", "/logout", Access.Anonymous, "POST", "/logout"),
        new("GET,POST", "/login", Access.Anonymous, "GET", "/login"),
        new("GET,POST", "/setup", Access.Anonymous, "GET", "/setup"),
        new("GET,POST", "/denied", Access.Anonymous, "GET", "/denied"),
        new("GET", "/login/oidc", Access.Anonymous, "GET", "/login/oidc"),

        // Ingest: API keys.
        new("POST", "/api/v1/samples", Access.ApiKey, "POST", "/api/v1/samples", """{"samples":[]}"""),
        new("POST", "/api/v1/write", Access.ApiKey, "POST", "/api/v1/write", ""),
        new("GET,POST", "/api/v1/query", Access.ApiKey, "GET", "/api/v1/query"),
        new("*", "/metrics", Access.ViewerOrApiKey, "GET", "/metrics"),

        // Viewers: pages, the circuit, the hub, read APIs.
        new("GET,POST", "/", Access.Viewer, "GET", "/"),
        new("GET,POST", "/incidents", Access.Viewer, "GET", "/incidents"),
        new("GET,POST", "/reports", Access.Viewer, "GET", "/reports"),
        new("GET,POST", "/services/{*Path}", Access.Viewer, "GET", "/services/Payments%20API"),
        new("GET,POST", "/not-found", Access.Viewer, "GET", "/not-found"),
        new("GET", "/wall", Access.Viewer, "GET", "/wall"),
        new("GET", "/_framework/opaque-redirect", Access.Viewer, "GET", "/_framework/opaque-redirect"),
        new("*", "/_blazor/negotiate", Access.Viewer, "POST", "/_blazor/negotiate?negotiateVersion=1"),
        new("*", "/_blazor", Access.Viewer, "GET", "/_blazor"),
        new("*", "/_blazor/disconnect/", Access.Viewer, "POST", "/_blazor/disconnect/"),
        new("*", "/_blazor/initializers/", Access.Viewer, "GET", "/_blazor/initializers/"),
        // Files added to wwwroot after the build (a build-output server only): the fallback policy, Viewer.
        new("GET,HEAD", "{**path:file}", Access.Viewer, "GET", "/no-such-file.txt"),
        new("*", "/hubs/status/negotiate", Access.Viewer, "POST", "/hubs/status/negotiate?negotiateVersion=1"),
        new("*", "/hubs/status", Access.Viewer, "GET", "/hubs/status"),
        new("GET", "/api/v1/me", Access.Viewer, "GET", "/api/v1/me"),
        new("GET", "/api/v1/status", Access.Viewer, "GET", "/api/v1/status"),
        new("GET", "/api/v1/sla", Access.Viewer, "GET", "/api/v1/sla"),
        new("GET", "/api/v1/sla/{service}", Access.Viewer, "GET", "/api/v1/sla/Payments%20API"),
        new("GET", "/api/v1/reports/sla", Access.Viewer, "GET", "/api/v1/reports/sla"),
        new("GET", "/api/v1/alerts", Access.Viewer, "GET", "/api/v1/alerts"),
        new("GET", "/api/v1/alerts/{id}", Access.Viewer, "GET", "/api/v1/alerts/0123456789abcdef"),
        new("GET", "/api/v1/incidents", Access.Viewer, "GET", "/api/v1/incidents"),
        new("GET", "/api/v1/maintenance/", Access.Viewer, "GET", "/api/v1/maintenance"),
        new("GET", "/api/v1/cluster", Access.Viewer, "GET", "/api/v1/cluster"),

        // Operators: acting on alerts.
        new("POST", "/api/v1/alerts/{id}/ack", Access.Operator, "POST", "/api/v1/alerts/0123456789abcdef/ack", "{}"),
        new("POST", "/api/v1/alerts/{id}/resolve", Access.Operator, "POST", "/api/v1/alerts/0123456789abcdef/resolve", "{}"),
        new("POST", "/api/v1/maintenance/", Access.Operator, "POST", "/api/v1/maintenance", "{}"),
        new("DELETE", "/api/v1/maintenance/{id:long}", Access.Operator, "DELETE", "/api/v1/maintenance/999999"),

        // Admins: accounts, kiosk tokens, API keys, the audit log, the jobs dashboard.
        new("GET,POST", "/admin/users", Access.Admin, "GET", "/admin/users"),
        new("GET,POST", "/admin/kiosk", Access.Admin, "GET", "/admin/kiosk"),
        new("GET,POST", "/admin/api-keys", Access.Admin, "GET", "/admin/api-keys"),
        new("GET", "/api/v1/kiosk-tokens/", Access.Admin, "GET", "/api/v1/kiosk-tokens"),
        new("POST", "/api/v1/kiosk-tokens/", Access.Admin, "POST", "/api/v1/kiosk-tokens", "{}"),
        new("DELETE", "/api/v1/kiosk-tokens/{id:long}", Access.Admin, "DELETE", "/api/v1/kiosk-tokens/999999"),
        new("GET", "/api/v1/api-keys/", Access.Admin, "GET", "/api/v1/api-keys"),
        new("POST", "/api/v1/api-keys/", Access.Admin, "POST", "/api/v1/api-keys", "{}"),
        new("DELETE", "/api/v1/api-keys/{id:long}", Access.Admin, "DELETE", "/api/v1/api-keys/999999"),
        new("GET,POST", "/admin/audit", Access.Admin, "GET", "/admin/audit"),
        new("GET", "/api/v1/users", Access.Admin, "GET", "/api/v1/users"),
        new("POST", "/api/v1/users", Access.Admin, "POST", "/api/v1/users", "{}"),
        new("PUT", "/api/v1/users/{name}", Access.Admin, "PUT", "/api/v1/users/nobody", """{"disabled":false}"""),
        new("GET", "/api/v1/audit", Access.Admin, "GET", "/api/v1/audit"),
        new("*", "/hangfire/{**path}", Access.Admin, "GET", "/hangfire"),
    ];
}
