namespace ItssMonitor.IntegrationTests.Access;

/// <summary>What a probe met: let through, asked to sign in (401, or a redirect to /login), or refused (403, or a redirect to /denied).</summary>
public enum Outcome
{
    Allowed,
    Unauthenticated,
    Forbidden,
}
