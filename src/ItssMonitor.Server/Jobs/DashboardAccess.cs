using Hangfire.Dashboard;

namespace ItssMonitor.Server.Jobs;

/// <summary>
/// Who may see <c>/hangfire</c>. Everyone, for now: the dashboard is read-only and the product has no sign-in
/// yet. Hangfire's default would refuse every non-local request, which hides it from anyone behind a proxy;
/// the authentication issue tightens access here, in this one place.
/// </summary>
public sealed class DashboardAccess : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => true;
}
