using System.ComponentModel.DataAnnotations;

namespace ItssMonitor.Server.Access;

/// <summary>Sign-in settings (section <c>Auth</c>).</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Lets anyone who reaches the server see pages, read APIs and the hub without signing in (a closed NOC network); off by default.</summary>
    public bool AnonymousViewer { get; set; }

    /// <summary>The first admin, created at start when no account of that name exists yet.</summary>
    public FirstAdminOptions Admin { get; set; } = new();

    /// <summary>How long a sign-in lasts without use (it slides with each request).</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Sign-in attempts one client address may make per minute (login and setup forms, <c>POST /api/v1/session</c>).</summary>
    [Range(1, 10_000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;
}
