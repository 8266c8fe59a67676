using Hangfire.Dashboard;
using ItssMonitor.Server.Access;

namespace ItssMonitor.Server.Jobs;

/// <summary>
/// Who may see <c>/hangfire</c>: Admins. The dashboard's endpoint already requires the Admin policy; this filter says
/// the same to Hangfire itself, whose default would instead refuse every non-local request (and so anyone behind a proxy).
/// </summary>
public sealed class DashboardAccess : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => Roles.AtLeast(Roles.Admin).Any(context.GetHttpContext().User.IsInRole);
}
