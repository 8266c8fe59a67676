namespace ItssMonitor.Server.Access;

/// <summary>
/// The three roles, each including the ones before it: a Viewer sees the wall, the pages and the hub; an
/// Operator also acknowledges, resolves and sets maintenance; an Admin also manages configuration, users,
/// keys and <c>/hangfire</c>. A signed-in user carries exactly one as a <see cref="System.Security.Claims.ClaimTypes.Role"/> claim.
/// </summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Operator = "Operator";
    public const string Admin = "Admin";

    /// <summary>Every role, least privileged first.</summary>
    public static IReadOnlyList<string> All { get; } = [Viewer, Operator, Admin];

    /// <summary>The roles that hold at least <paramref name="role"/>'s rights.</summary>
    public static string[] AtLeast(string role) => [.. All.SkipWhile(candidate => candidate != role)];

    /// <summary>The role spelt as configured or typed ("operator" is Operator), or null when it is none of them.</summary>
    public static string? Parse(string? text) =>
        All.FirstOrDefault(role => string.Equals(role, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
